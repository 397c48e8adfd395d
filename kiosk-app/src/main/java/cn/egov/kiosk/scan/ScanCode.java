package cn.egov.kiosk.scan;

import cn.egov.kiosk.platform.api.AppLogins;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a scanned code is to this kiosk. The one place that decides it: every screen acts on the
 * kind, never on the text. A code that may stand for a person (a login code, a payment code)
 * prints only its kind and length.
 */
public sealed interface ScanCode {

    /** The code as scanned (trimmed), for the service that acts on it. */
    String code();

    /**
     * The query code of an acceptance receipt (受理回执): the platform's application number
     * ({@code SQ} and 14 digits) or, while that had not come, the kiosk's own reference ({@code
     * KS-XXXX-XXXX-XXXX}).
     */
    record QueryCode(String code) implements ScanCode {
        @Override
        public String toString() {
            return "QueryCode[" + code.length() + " characters]"; // it opens an application's progress
        }
    }

    /** An appointment confirmation's check-in code ({@code CHK-...}). */
    record CheckInCode(String code) implements ScanCode {
        @Override
        public String toString() {
            return "CheckInCode[" + code.length() + " characters]"; // it checks an appointment in
        }
    }

    /**
     * The dynamic login code of the province's service app ({@link AppLogins#PREFIX}); only the
     * platform can say whom it stands for.
     */
    record AppLogin(String code) implements ScanCode {
        @Override
        public String toString() {
            return "AppLogin[" + code.length() + " characters]";
        }
    }

    /** The wallets whose payment codes (付款码) the kiosk recognises. */
    enum Wallet {
        WECHAT,
        ALIPAY,
        UNIONPAY
    }

    /** A wallet's payment code (付款码), for paying a fee. */
    record PaymentCode(Wallet wallet, String code) implements ScanCode {
        @Override
        public String toString() {
            return "PaymentCode[" + wallet + ", " + code.length() + " digits]";
        }
    }

    /** Not a code this kiosk knows: a product barcode, a web link, a code of another service. */
    record Unknown(String code) implements ScanCode {
        @Override
        public String toString() {
            return "Unknown[" + code.length() + " characters]";
        }
    }

    /** The longest code the kiosk looks at: a province app's code is about 100 characters. */
    int MAX_LENGTH = 512;

    /** What {@code raw} is. Blank, over-long or containing control characters: {@link Unknown}. */
    static ScanCode classify(String raw) {
        String code = raw == null ? "" : raw.strip();
        if (code.isEmpty() || code.length() > MAX_LENGTH || code.chars().anyMatch(Character::isISOControl)) {
            return new Unknown(code.length() > MAX_LENGTH ? code.substring(0, MAX_LENGTH) : code);
        }
        if (code.startsWith(AppLogins.PREFIX) && code.length() > AppLogins.PREFIX.length()) {
            return new AppLogin(code);
        }
        String upper = code.toUpperCase(Locale.ROOT);
        if (Patterns.CHECK_IN.matcher(upper).matches()) {
            return new CheckInCode(upper);
        }
        if (Patterns.APPLICATION_NO.matcher(upper).matches()
                || Patterns.KIOSK_REFERENCE.matcher(upper).matches()) {
            return new QueryCode(upper);
        }
        if (Patterns.DIGITS.matcher(code).matches()) {
            Wallet wallet = Patterns.wallet(code);
            if (wallet != null) {
                return new PaymentCode(wallet, code);
            }
        }
        return new Unknown(code);
    }

    /** The formats, as their issuers publish them. */
    final class Patterns {
        /** The platform's check-in codes: {@code CHK-} and the booking's number. */
        static final Pattern CHECK_IN = Pattern.compile("CHK-[A-Z0-9][A-Z0-9-]{3,40}");
        /** The platform's application numbers: SQ, the day (yyyyMMdd) and six digits. */
        static final Pattern APPLICATION_NO = Pattern.compile("SQ\\d{14}");
        /** The kiosk's own reference for an application the platform had not numbered yet. */
        static final Pattern KIOSK_REFERENCE = Pattern.compile("KS-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}");

        static final Pattern DIGITS = Pattern.compile("\\d{16,24}");

        private Patterns() {}

        /**
         * The wallet of a payment code by its published shape: WeChat Pay 18 digits beginning 10 to
         * 15; Alipay 16 to 24 digits beginning 25 to 30; UnionPay (云闪付) 19 digits beginning 62.
         */
        static Wallet wallet(String digits) {
            int head = Integer.parseInt(digits.substring(0, 2));
            int n = digits.length();
            if (n == 18 && head >= 10 && head <= 15) {
                return Wallet.WECHAT;
            }
            if (head >= 25 && head <= 30) {
                return Wallet.ALIPAY;
            }
            if (n == 19 && head == 62) {
                return Wallet.UNIONPAY;
            }
            return null;
        }
    }
}
