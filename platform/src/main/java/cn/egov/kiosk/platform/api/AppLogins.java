package cn.egov.kiosk.platform.api;

import java.time.LocalDate;

/**
 * 扫码登录: a citizen identifies by the dynamic code the province's service app shows. The kiosk
 * sends the code as scanned and the platform, which alone can check the province's signature, its
 * age and that it was not used before, answers who the citizen is. A code is never trusted by the
 * kiosk alone: what it holds is opaque to the kiosk, which only recognises it by {@link #PREFIX}.
 */
public final class AppLogins {
    /** How the province app's login codes begin; everything after it is the province's. */
    public static final String PREFIX = "ZWAPP1.";

    private AppLogins() {}

    /** {@code POST /v1/app-logins}: the code as scanned. */
    public record Resolve(String code) {
        @Override
        public String toString() {
            return "Resolve[code of " + (code == null ? 0 : code.length()) + " characters]";
        }
    }

    public enum Sex {
        MALE,
        FEMALE
    }

    /**
     * The citizen the code stands for: what an ID card would give the kiosk (no photo), and the
     * mobile number the app has verified, when there is one.
     */
    public record Citizen(
            Applications.IdType idType,
            String idNumber,
            String name,
            Sex sex,
            LocalDate birthDate,
            String address,
            String phone) {
        @Override
        public String toString() {
            return "Citizen[" + idType + ", personal data]";
        }
    }
}
