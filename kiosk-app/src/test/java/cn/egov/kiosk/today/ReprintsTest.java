package cn.egov.kiosk.today;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.licence.LicenceSource;
import cn.egov.kiosk.print.template.Medium;
import cn.egov.kiosk.printing.PrintContent;
import cn.egov.kiosk.printing.PrintRecord;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.printing.Renderings;
import cn.egov.kiosk.runtime.TestTemplates;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.PrintRecordRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a reprint comes from: a licence is asked of the platform again as collected (a copy where its
 * item allows: the platform decides; its refusal and its absence said as such), a queue ticket is
 * never printed twice, a receipt whose content is no longer kept cannot be printed again.
 */
class ReprintsTest {
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    private static final Instant NOON = Instant.parse("2026-12-07T04:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOON, HALL);

    @TempDir
    Path dir;

    private Database db;
    private PrintRecordRepository records;
    private Printing printing;
    private final List<LicenceSource.Held> asked = new ArrayList<>();

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("kiosk.db"));
        records = new PrintRecordRepository(db, "K1");
        printing = new Printing(
                TestTemplates.library(),
                new Renderings(null),
                Optional::empty,
                Optional::empty,
                records,
                CLOCK,
                PrintContent.NONE);
        record("p-licence", "licence-example", "DZZZ-110101-SJ-2026-000128");
        record("p-ticket", "queue-ticket", "K1-20261207-A001");
        record("p-receipt", "payment-receipt", "PAY-0001");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void record(String id, String template, String reference) {
        records.record(new PrintRecord(
                id,
                NOON,
                template,
                reference,
                Optional.empty(),
                Medium.PDF,
                PrintRecord.Result.PRINTED,
                Optional.empty(),
                false));
    }

    private Reprints reprints(RuntimeException answer) {
        LicenceSource platform = new LicenceSource() {
            @Override
            public List<Held> heldBy(Identity citizen) {
                return List.of();
            }

            @Override
            public Licence printData(Held held) {
                asked.add(held);
                throw answer;
            }

            @Override
            public void collected(Held held, boolean copy) {}

            @Override
            public Mailed mail(Held held, Recipient recipient, String orderRef) {
                throw new UnsupportedOperationException();
            }
        };
        return new Reprints(records, printing, platform, Optional.empty(), HALL, CLOCK);
    }

    @Test
    void theDaysDocumentsSayWhereAReprintWouldComeFrom() {
        List<Reprints.Document> docs = reprints(new IllegalStateException()).of(LocalDate.of(2026, 12, 7));

        assertThat(docs)
                .extracting(Reprints.Document::template, Reprints.Document::source)
                .containsExactly(
                        tuple("licence-example", Reprints.Source.PLATFORM),
                        tuple("queue-ticket", Reprints.Source.NONE),
                        tuple("payment-receipt", Reprints.Source.NONE));
        assertThat(new Reprints(records, printing, LicenceSource.NONE, Optional.empty(), HALL, CLOCK)
                        .of(LocalDate.of(2026, 12, 7))
                        .get(0)
                        .source())
                .as("without a platform a licence does not come again")
                .isEqualTo(Reprints.Source.NONE);
    }

    @Test
    void aLicenceIsAskedAgainAsCollectedAndThePlatformsRefusalOrAbsenceIsSaid() {
        Reprints refused =
                reprints(new LicenceSource.RefusedException(LicenceSource.Refusal.COLLECTED, "licence-collected"));

        assertThat(refused.reprint("p-licence", "STAFF").result()).isEqualTo(Reprints.Result.REFUSED);
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).licenceId()).isEqualTo("DZZZ-110101-SJ-2026-000128");
        assertThat(asked.get(0).printsCopy())
                .as("a reprint is a copy where the item allows")
                .isTrue();

        Reprints away = reprints(new LicenceSource.UnavailableException("no answer", null));
        assertThat(away.reprint("p-licence", "STAFF").result()).isEqualTo(Reprints.Result.PLATFORM_AWAY);
    }

    @Test
    void aQueueTicketOrAReceiptWhoseContentIsGoneIsNotPrintedAgain() {
        Reprints reprints = reprints(new IllegalStateException("not asked"));

        assertThat(reprints.reprint("p-ticket", "STAFF").result()).isEqualTo(Reprints.Result.NOT_AVAILABLE);
        assertThat(reprints.reprint("p-receipt", "STAFF").result()).isEqualTo(Reprints.Result.NOT_AVAILABLE);
        assertThat(reprints.reprint("no-such-print", "STAFF").result()).isEqualTo(Reprints.Result.NOT_AVAILABLE);
        assertThat(records.recent(10)).noneMatch(PrintRecord::reprint);
    }
}
