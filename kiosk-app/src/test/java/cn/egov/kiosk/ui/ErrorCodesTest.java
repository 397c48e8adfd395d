package cn.egov.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.appointment.AppointmentProblem;
import cn.egov.kiosk.feature.Unavailable;
import cn.egov.kiosk.identity.LoginProblem;
import cn.egov.kiosk.licence.PostalProblem;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.queue.IssueOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every failure a citizen can see has a code for staff, unique, documented in docs/ERROR-CODES.md,
 * and a next step in both languages; the code's line reads 代码 P-PAPER-OUT / Code P-PAPER-OUT.
 */
class ErrorCodesTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private static final Pattern CODE = Pattern.compile("[A-Z](-[A-Z0-9]+)+");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    /** Every code with the next step the citizen is told, by the reason it is for. */
    private static Map<String, Msg> everyCodeAndNextStep() {
        Map<String, Msg> codes = new LinkedHashMap<>();
        List<String> seen = new ArrayList<>();
        for (IssueOutcome.Reason r : IssueOutcome.Reason.values()) {
            seen.add(ErrorCodes.of(r));
            codes.put(ErrorCodes.of(r), ErrorCodes.nextStep(r));
        }
        for (Printing.Problem p : Printing.Problem.values()) {
            seen.add(ErrorCodes.of(p));
            codes.put(ErrorCodes.of(p), ErrorCodes.nextStep(p));
        }
        for (LoginProblem p : LoginProblem.values()) {
            seen.add(ErrorCodes.of(p));
            codes.put(ErrorCodes.of(p), ErrorCodes.nextStep(p));
        }
        for (Unavailable u : Unavailable.values()) {
            seen.add(ErrorCodes.of(u));
            codes.put(ErrorCodes.of(u), ErrorCodes.nextStep(u));
        }
        for (PostalProblem p : PostalProblem.values()) {
            seen.add(ErrorCodes.of(p));
            codes.put(ErrorCodes.of(p), ErrorCodes.nextStep(p));
        }
        // appointments
        for (AppointmentProblem p : AppointmentProblem.values()) {
            seen.add(ErrorCodes.of(p));
            codes.put(ErrorCodes.of(p), ErrorCodes.nextStep(p));
        }
        // the failures that are no reason enum's: their next step is in their own words
        codes.put(ErrorCodes.TICKET_UNEXPECTED, Msg.TICKET_FAILED_ADVICE);
        codes.put(ErrorCodes.APPLY_REFUSED, Msg.APPLY_REFUSED);
        codes.put(ErrorCodes.APPLY_NOT_SAVED, Msg.APPLY_FAILED);
        codes.put(ErrorCodes.GUIDE_NO_CATALOGUE, Msg.GUIDE_EMPTY);
        // progress
        codes.put(ErrorCodes.PROGRESS_AWAY, Msg.PROGRESS_OFFLINE_LATER);
        codes.put(ErrorCodes.PROGRESS_FAILED, Msg.PROGRESS_FAILED_ADVICE);
        codes.put(ErrorCodes.PROGRESS_NOT_TAKEN, Msg.PROGRESS_NEXT_NOT_TAKEN);
        seen.addAll(List.of(
                ErrorCodes.TICKET_UNEXPECTED,
                ErrorCodes.APPLY_REFUSED,
                ErrorCodes.APPLY_NOT_SAVED,
                ErrorCodes.GUIDE_NO_CATALOGUE,
                // progress
                ErrorCodes.PROGRESS_AWAY,
                ErrorCodes.PROGRESS_FAILED,
                ErrorCodes.PROGRESS_NOT_TAKEN));
        // enterprise
        codes.put(ErrorCodes.ENTERPRISE_REFUSED, Msg.NEXT_AT_WINDOW);
        seen.add(ErrorCodes.ENTERPRISE_REFUSED);
        // payments
        codes.put(ErrorCodes.FEE_DECLINED, Msg.PAY_DECLINED_NEXT);
        codes.put(ErrorCodes.FEE_IN_DOUBT, Msg.PAY_IN_DOUBT_NEXT);
        codes.put(ErrorCodes.FEE_ALREADY_PAID, Msg.PAY_ALREADY_PAID_NEXT);
        codes.put(ErrorCodes.FEE_ALREADY_PAYING, Msg.PAY_ALREADY_PAYING_NEXT);
        codes.put(ErrorCodes.FEE_FAILED, Msg.PAY_FAILED_NEXT);
        codes.put(ErrorCodes.INSURANCE_AWAY, Msg.INSURANCE_OFFLINE_ADVICE);
        codes.put(ErrorCodes.INSURANCE_FAILED, Msg.INSURANCE_FAILED_ADVICE);
        seen.addAll(List.of(
                ErrorCodes.FEE_DECLINED,
                ErrorCodes.FEE_IN_DOUBT,
                ErrorCodes.FEE_ALREADY_PAID,
                ErrorCodes.FEE_ALREADY_PAYING,
                ErrorCodes.FEE_FAILED,
                ErrorCodes.INSURANCE_AWAY,
                ErrorCodes.INSURANCE_FAILED));
        assertThat(seen).as("one code per reason").doesNotHaveDuplicates().hasSameSizeAs(codes.keySet());
        return codes;
    }

    @Test
    void everyReasonHasItsOwnCodeAndANextStepInBothLanguages() {
        Map<String, Msg> codes = everyCodeAndNextStep();
        assertThat(codes)
                .hasSize(IssueOutcome.Reason.values().length
                        + Printing.Problem.values().length
                        + LoginProblem.values().length
                        + Unavailable.values().length
                        + PostalProblem.values().length
                        + AppointmentProblem.values().length
                        + 4
                        + 3 // progress
                        + 1 // enterprise
                        + 7); // payments
        I18n i18n = new I18n(List.of(ZH, Locale.ENGLISH));
        codes.forEach((code, next) -> {
            assertThat(code).as("code").matches(CODE);
            i18n.setLocale(ZH);
            String zh = i18n.text(next);
            assertThat(zh).as("%s's next step in Chinese", code).containsPattern(HAN);
            // what to do: a window, staff, again, later, the card...
            assertThat(zh).as("%s's next step in Chinese", code).containsPattern("请");
            i18n.setLocale(Locale.ENGLISH);
            String en = i18n.text(next);
            assertThat(en).as("%s's next step in English", code).isNotBlank().doesNotContainPattern(HAN);
            assertThat(en).as("%s's next step in English", code).containsPattern("(?i)please");
        });
    }

    @Test
    void whatHappenedIsSaidForEveryPrintAndDeviceProblemInBothLanguages() {
        I18n i18n = new I18n(List.of(ZH, Locale.ENGLISH));
        for (Printing.Problem p : Printing.Problem.values()) {
            i18n.setLocale(ZH);
            assertThat(i18n.text(Msg.forPrintProblem(p))).as("%s", p).containsPattern(HAN);
            i18n.setLocale(Locale.ENGLISH);
            assertThat(i18n.text(Msg.forPrintProblem(p))).as("%s", p).isNotBlank();
        }
        for (Unavailable u : Unavailable.values()) {
            i18n.setLocale(ZH);
            assertThat(i18n.text(Msg.forProblem(u))).as("%s", u).containsPattern(HAN);
            i18n.setLocale(Locale.ENGLISH);
            assertThat(i18n.text(Msg.forProblem(u))).as("%s", u).isNotBlank();
        }
    }

    @Test
    void theCodesLineNamesTheCodeForStaff() {
        I18n i18n = new I18n(List.of(ZH, Locale.ENGLISH));
        i18n.setLocale(ZH);
        assertThat(ErrorCodes.line(i18n, ErrorCodes.of(Printing.Problem.PAPER_OUT)))
                .isEqualTo("代码 P-PAPER-OUT");
        i18n.setLocale(Locale.ENGLISH);
        assertThat(ErrorCodes.line(i18n, ErrorCodes.of(IssueOutcome.Reason.PAPER_OUT)))
                .isEqualTo("Code T-PAPER-OUT");
        assertThat(ErrorCodes.line(i18n, "")).isEmpty();
    }

    @Test
    void everyCodeIsDocumentedForStaff() throws IOException {
        String doc = Files.readString(Path.of("../docs/ERROR-CODES.md"), StandardCharsets.UTF_8);
        assertThat(everyCodeAndNextStep().keySet())
                .allSatisfy(code -> assertThat(doc).as("docs/ERROR-CODES.md").contains("| `" + code + "` |"));
    }
}
