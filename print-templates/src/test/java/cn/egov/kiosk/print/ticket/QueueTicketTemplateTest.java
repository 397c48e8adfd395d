package cn.egov.kiosk.print.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.common.document.ReceiptDocument;
import cn.egov.kiosk.common.document.ReceiptElement.Cut;
import cn.egov.kiosk.common.document.ReceiptElement.Text;
import cn.egov.kiosk.common.text.Align;
import cn.egov.kiosk.common.text.DisplayWidth;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueueTicketTemplateTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;
    private static final LocalDateTime ISSUED = LocalDateTime.of(2026, 11, 28, 14, 5, 9);
    private static final String ID = "K01-20261128-A001";
    private static final String ZH_INSTRUCTION = "请留意叫号屏幕和语音提示，过号请重新取号。";
    private static final String EN_INSTRUCTION =
            "Please watch the display and listen for your number. If you miss it, take a new ticket.";

    private final QueueTicketTemplate template = new QueueTicketTemplate(Templates.shipped());

    QueueTicketTemplateTest() throws Exception {}

    static Stream<Arguments> localesAndPapers() {
        return Stream.of(Arguments.of(ZH, 32), Arguments.of(ZH, 48), Arguments.of(EN, 32), Arguments.of(EN, 48));
    }

    private static QueueTicket ticket(Locale locale, OptionalInt ahead, Optional<String> maskedId) {
        boolean zh = locale.getLanguage().equals("zh");
        return new QueueTicket(
                zh ? "西湖区政务服务中心24小时自助服务区" : "Xihu District Government Service Centre",
                zh ? "户籍业务" : "Household registration",
                "A001",
                ahead,
                ISSUED,
                ID,
                maskedId,
                "0571-12345",
                locale);
    }

    private static List<Text> texts(ReceiptDocument doc) {
        return doc.elements().stream()
                .filter(Text.class::isInstance)
                .map(Text.class::cast)
                .toList();
    }

    private static String joined(List<String> lines, Locale locale) {
        return String.join(locale.getLanguage().equals("zh") ? "" : " ", lines);
    }

    @ParameterizedTest(name = "{0}, {1} columns")
    @MethodSource("localesAndPapers")
    void theTicketSaysEverythingInTheCitizensLanguage(Locale locale, int columns) {
        QueueTicket t = ticket(locale, OptionalInt.of(3), Optional.empty());

        ReceiptDocument doc = template.render(t, columns);

        assertThat(doc.name()).isEqualTo("queue-ticket");
        List<String> lines = doc.lines();
        boolean zh = locale.getLanguage().equals("zh");
        // hall name, wrapped, bold and centred, then a rule
        assertThat(joined(linesUntil(lines, "-".repeat(columns)), locale)).isEqualTo(t.hallName());
        // business type, double size
        List<Text> big = texts(doc).stream().filter(x -> x.style().width() == 2).toList();
        assertThat(joined(big.stream().map(Text::text).toList(), locale)).isEqualTo(t.businessType());
        // the number, as large as fits
        Text number = texts(doc).stream()
                .filter(x -> x.text().equals("A001"))
                .findFirst()
                .orElseThrow();
        assertThat(number.style().bold()).isTrue();
        assertThat(number.style().align()).isEqualTo(Align.CENTER);
        assertThat(number.style().width()).isEqualTo(4);
        assertThat(number.style().width() * DisplayWidth.of(number.text())).isLessThanOrEqualTo(columns);
        // waiting ahead
        String waiting = zh ? "您前面还有 3 人等候" : "3 people are waiting ahead of you";
        assertThat(joined(lines, locale)).contains(waiting);
        // the time of issue
        assertThat(lines).contains(zh ? "取号时间：2026-11-28 14:05:09" : "Time: 2026-11-28 14:05:09");
        // the QR code carries the ticket id, which is also printed under it
        assertThat(doc.qrPayloads()).containsExactly(ID);
        assertThat(lines).contains(ID);
        // the instruction line in the citizen's language
        assertThat(joined(lines, locale)).contains(zh ? ZH_INSTRUCTION : EN_INSTRUCTION);
        assertThat(lines).contains(zh ? "服务热线：0571-12345" : "Hotline: 0571-12345");
        // no ID line when none was given
        assertThat(lines).noneMatch(l -> l.startsWith("证件号码") || l.startsWith("ID:"));
        // and it ends with a cut
        assertThat(doc.elements().get(doc.elements().size() - 1)).isInstanceOf(Cut.class);
        assertThat(doc.cuts()).isEqualTo(1);
    }

    private static List<String> linesUntil(List<String> lines, String stop) {
        int i = lines.indexOf(stop);
        assertThat(i).as("the rule under the hall name").isPositive();
        return lines.subList(0, i);
    }

    @ParameterizedTest(name = "{0}, {1} columns")
    @MethodSource("localesAndPapers")
    void noLineIsWiderThanThePaper(Locale locale, int columns) {
        for (int ahead : new int[] {0, 1, 3, 12, 108}) {
            ReceiptDocument doc =
                    template.render(ticket(locale, OptionalInt.of(ahead), Optional.of("330106********1234")), columns);

            assertThat(texts(doc))
                    .allSatisfy(x -> assertThat(
                                    DisplayWidth.of(x.text()) * x.style().width())
                            .as("\"%s\" at %dx", x.text(), x.style().width())
                            .isLessThanOrEqualTo(columns));
        }
    }

    @Test
    void aLongHallNameAndKioskIdAreWrappedNotCut() {
        QueueTicket t = new QueueTicket(
                "杭州市西湖区人民政府政务服务中心北山街道便民服务中心二十四小时自助服务区",
                "不动产登记（抵押、查封、更正）业务",
                "B012",
                OptionalInt.empty(),
                ISSUED,
                "KIOSK-XIHU-BEISHAN-STREET-0001-20261128-B012",
                Optional.empty(),
                "",
                ZH);

        ReceiptDocument doc = template.render(t, 32);

        assertThat(texts(doc))
                .allSatisfy(
                        x -> assertThat(DisplayWidth.of(x.text()) * x.style().width())
                                .isLessThanOrEqualTo(32));
        assertThat(String.join("", linesUntil(doc.lines(), "-".repeat(32)))).isEqualTo(t.hallName());
        assertThat(String.join("", doc.lines())).contains(t.ticketId());
        assertThat(doc.qrPayloads()).containsExactly(t.ticketId());
        // no waiting count known, no hotline: neither line is printed
        assertThat(doc.lines()).noneMatch(l -> l.contains("等候") || l.contains("服务热线"));
    }

    @Test
    void chineseWaitingLineFollowsTheChoiceFormat() {
        assertThat(render(ZH, 0)).contains("您前面没有人等候");
        assertThat(render(ZH, 1)).contains("您前面还有 1 人等候");
        assertThat(render(ZH, 3)).contains("您前面还有 3 人等候");
    }

    @Test
    void englishWaitingLineFollowsTheChoiceFormat() {
        assertThat(render(EN, 0)).contains("Nobody is waiting ahead of you");
        assertThat(render(EN, 1)).contains("1 person is waiting ahead of you");
        assertThat(render(EN, 3)).contains("3 people are waiting ahead of you");
    }

    private String render(Locale locale, int ahead) {
        return joined(
                template.render(ticket(locale, OptionalInt.of(ahead), Optional.empty()), 48)
                        .lines(),
                locale);
    }

    @Test
    void theMaskedIdLineIsPrintedOnlyWhenGiven() {
        // the full number goes in; the template masks it
        ReceiptDocument with = template.render(ticket(ZH, OptionalInt.of(0), Optional.of("330106199001011234")), 32);
        ReceiptDocument without = template.render(ticket(ZH, OptionalInt.of(0), Optional.empty()), 32);
        ReceiptDocument withEn = template.render(ticket(EN, OptionalInt.of(0), Optional.of("330106199001011234")), 32);

        assertThat(with.lines()).contains("证件号码：330106********1234");
        assertThat(withEn.lines()).contains("ID: 330106********1234");
        assertThat(without.lines()).noneMatch(l -> l.contains("330106"));
        assertThat(with.lines()).noneMatch(l -> l.contains("19900101"));
        assertThat(with.lines()).hasSize(without.lines().size() + 1);
    }

    @Test
    void theNumberShrinksToFitNarrowPaper() {
        QueueTicket t = ticket(ZH, OptionalInt.of(0), Optional.empty());
        QueueTicket wide = new QueueTicket(
                t.hallName(), t.businessType(), "A1000", t.waitingAhead(), ISSUED, ID, Optional.empty(), "", ZH);

        assertThat(numberStyleWidth(template.render(t, 16), "A001")).isEqualTo(4); // 4 x 4 = 16
        assertThat(numberStyleWidth(template.render(t, 12), "A001")).isEqualTo(3); // 4 x 3 = 12
        assertThat(numberStyleWidth(template.render(wide, 32), "A1000")).isEqualTo(4); // 5 x 4 = 20
        assertThat(numberStyleWidth(template.render(wide, 16), "A1000")).isEqualTo(3); // 5 x 3 = 15
    }

    private static int numberStyleWidth(ReceiptDocument doc, String number) {
        return texts(doc).stream()
                .filter(x -> x.text().equals(number))
                .findFirst()
                .orElseThrow()
                .style()
                .width();
    }

    // ---- appointments: a number taken at a check-in ----------------------------------------------

    @ParameterizedTest(name = "{0}, {1} columns")
    @MethodSource("localesAndPapers")
    void anAppointmentsTicketSaysItsPriorityServiceAndTimeAndFitsThePaper(Locale locale, int columns) {
        boolean zh = locale.getLanguage().equals("zh");
        QueueTicket base = ticket(locale, OptionalInt.empty(), Optional.empty());
        QueueTicket t = new QueueTicket(
                base.hallName(),
                base.businessType(),
                "A012",
                base.waitingAhead(),
                base.issuedAt(),
                base.ticketId(),
                base.idNumber(),
                base.hotline(),
                locale,
                Optional.of(new QueueTicket.Appointment(
                        true, LocalDateTime.of(2026, 12, 8, 10, 0), zh ? "出生登记（新生儿落户）" : "Birth registration")));

        ReceiptDocument doc = template.render(t, columns);

        String all = joined(doc.lines(), locale);
        assertThat(all)
                .contains(zh ? "预约优先" : "Appointment: called first")
                .contains(zh ? "预约事项：出生登记（新生儿落户）" : "Booked: Birth registration")
                .contains(zh ? "预约时间：12月8日 星期二 上午10:00" : "Booked for: Tuesday 8 December, 10:00 AM");
        for (Text x : texts(doc)) {
            assertThat(DisplayWidth.of(x.text()) * x.style().width())
                    .as(x.text())
                    .isLessThanOrEqualTo(columns);
        }
    }

    @Test
    void aTicketWithoutAnAppointmentSaysNothingOfOne() {
        ReceiptDocument doc = template.render(ticket(ZH, OptionalInt.empty(), Optional.empty()), 32);

        assertThat(String.join("", doc.lines())).doesNotContain("预约");
    }
}
