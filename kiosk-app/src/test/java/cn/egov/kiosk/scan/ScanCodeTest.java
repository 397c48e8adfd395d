package cn.egov.kiosk.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a scanned code is, decided in one place. */
class ScanCodeTest {

    @Test
    void aReceiptsQueryCodeIsTheApplicationNumberOrTheKiosksReference() {
        assertThat(ScanCode.classify("SQ20261128000001")).isEqualTo(new ScanCode.QueryCode("SQ20261128000001"));
        assertThat(ScanCode.classify(" ks-3F2A-9C01-77BE\r\n")).isEqualTo(new ScanCode.QueryCode("KS-3F2A-9C01-77BE"));
        assertThat(ScanCode.classify("SQ2026112800000")).isInstanceOf(ScanCode.Unknown.class); // one digit short
        assertThat(ScanCode.classify("KS-3F2A-9C01-77BG")).isInstanceOf(ScanCode.Unknown.class); // not hex
    }

    @Test
    void anAppointmentConfirmationCarriesItsCheckInCode() {
        assertThat(ScanCode.classify("CHK-YY20261202-0931-017"))
                .isEqualTo(new ScanCode.CheckInCode("CHK-YY20261202-0931-017"));
        assertThat(ScanCode.classify("CHK-")).isInstanceOf(ScanCode.Unknown.class);
    }

    @Test
    void theProvinceAppsCodeIsRecognisedByItsPrefixOnlyAndNeverShownInFull() {
        String code = "ZWAPP1.eyJ1IjoiVTAwMDEiLCJlIjoxNzY1MDAwMDAwfQ.q83vEjRWeJA";
        ScanCode scanned = ScanCode.classify(code);
        assertThat(scanned).isEqualTo(new ScanCode.AppLogin(code));
        assertThat(scanned.toString()).doesNotContain("eyJ1").contains(Integer.toString(code.length()));
        assertThat(ScanCode.classify("ZWAPP1.")).isInstanceOf(ScanCode.Unknown.class);
        assertThat(ScanCode.classify("zwapp1.abc")).isInstanceOf(ScanCode.Unknown.class); // the prefix is exact
    }

    @Test
    void walletsPaymentCodesByTheirPublishedShapes() {
        assertThat(ScanCode.classify("134567890123456789"))
                .isEqualTo(new ScanCode.PaymentCode(ScanCode.Wallet.WECHAT, "134567890123456789"));
        assertThat(ScanCode.classify("2812345678901234"))
                .isEqualTo(new ScanCode.PaymentCode(ScanCode.Wallet.ALIPAY, "2812345678901234"));
        assertThat(ScanCode.classify("6212345678901234567"))
                .isEqualTo(new ScanCode.PaymentCode(ScanCode.Wallet.UNIONPAY, "6212345678901234567"));
        assertThat(ScanCode.classify("6212345678901234567").toString()).doesNotContain("62123456");
        // a product's EAN-13 and an 18-digit number of another shape are not payment codes
        assertThat(ScanCode.classify("6901234567892")).isInstanceOf(ScanCode.Unknown.class);
        assertThat(ScanCode.classify("994567890123456789")).isInstanceOf(ScanCode.Unknown.class);
    }

    @Test
    void anythingElseIsNotACodeThisKioskKnows() {
        assertThat(ScanCode.classify("https://example.com/?a=1")).isInstanceOf(ScanCode.Unknown.class);
        assertThat(ScanCode.classify("")).isInstanceOf(ScanCode.Unknown.class);
        assertThat(ScanCode.classify(null)).isInstanceOf(ScanCode.Unknown.class);
        assertThat(ScanCode.classify("SQ2026\u000112800000001")).isInstanceOf(ScanCode.Unknown.class);
        assertThat(ScanCode.classify("A".repeat(5000)).code()).hasSize(ScanCode.MAX_LENGTH);
        assertThat(ScanCode.classify("SQ20261128000001x")).isInstanceOf(ScanCode.Unknown.class);
    }
}
