package cn.egov.kiosk.device.payment.zvt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.payment.zvt.ZvtJournal.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated terminal's journal: numbering, reversals, the end of day, and reading it back. */
class ZvtJournalTest {
    private static final LocalDateTime NOON = LocalDateTime.of(2026, 12, 7, 12, 0, 0);
    private static final String CARD = "622202******1234";

    @TempDir
    Path dir;

    @Test
    void whatWasBookedIsReadBackWithItsNumbersReversalsAndDaysAndNumberingGoesOn() throws IOException {
        Path file = dir.resolve("j.tsv");
        ZvtJournal j = ZvtJournal.open(file);
        j.book(Kind.SALE, 1_000, NOON, CARD, "");
        ZvtJournal.Entry b = j.book(Kind.SALE, 2_000, NOON.plusMinutes(1), CARD, "");
        j.book(Kind.REVERSAL, 2_000, NOON.plusMinutes(2), CARD, b.receipt());
        j.markReversed(b.receipt());
        ZvtJournal.DayTotals day = j.closeDay(NOON.plusHours(6));
        j.book(Kind.REFUND, 300, NOON.plusDays(1), CARD, "");

        assertThat(day).isEqualTo(new ZvtJournal.DayTotals(3, 1_000, "0001", "0003", NOON.plusHours(6)));

        ZvtJournal again = ZvtJournal.open(file);
        assertThat(again.closedDays()).containsExactly(day);
        assertThat(again.day()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.REFUND);
            assertThat(e.receipt()).isEqualTo("0004");
            assertThat(e.trace()).isEqualTo("000004");
        });
        assertThat(again.book(Kind.SALE, 1, NOON.plusDays(1), CARD, "").receipt())
                .isEqualTo("0005");
        assertThat(again.find("5")).isPresent();
        assertThat(again.find("0001")).as("yesterday's").isEmpty();
        assertThat(Files.readString(file)).doesNotContain("6222021234").contains(CARD);
    }

    @Test
    void aLineTornByACrashIsDroppedAndTheNextAppendStartsClean() throws IOException {
        Path file = dir.resolve("j.tsv");
        ZvtJournal.open(file).book(Kind.SALE, 700, NOON, CARD, "");
        Files.writeString(file, "T\tSALE\t0002\t0000", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        ZvtJournal j = ZvtJournal.open(file);

        assertThat(j.day()).hasSize(1);
        assertThat(j.book(Kind.SALE, 800, NOON, CARD, "").receipt()).isEqualTo("0002");
        assertThat(ZvtJournal.open(file).day())
                .extracting(ZvtJournal.Entry::amountFen)
                .containsExactly(700L, 800L);
    }

    @Test
    void aFileThatIsNoJournalSaysWhereItIsWrong() throws IOException {
        Path file = dir.resolve("j.tsv");
        Files.writeString(file, "# x\nT\tSALE\t0001\n");

        assertThatThrownBy(() -> ZvtJournal.open(file))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ", line 2: not a journal line");
    }

    @Test
    void receiptNumbersWrapAfter9999() throws IOException {
        ZvtJournal j = ZvtJournal.inMemory();
        ZvtJournal.Entry last = null;
        for (int i = 0; i < 10_000; i++) {
            last = j.book(Kind.SALE, 1, NOON, CARD, "");
        }
        assertThat(last.receipt()).isEqualTo("0001");
        assertThat(last.trace()).isEqualTo("010000");
    }
}
