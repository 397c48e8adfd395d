package cn.egov.kiosk.config;

import cn.egov.kiosk.common.schema.Key;
import cn.egov.kiosk.common.schema.ObjectSchema;
import cn.egov.kiosk.common.schema.Types;
import java.time.Duration;
import java.util.List;

/**
 * The {@code identity} section: how citizens identify themselves (the ID-card login step every
 * flow that needs an identity goes through).
 *
 * @param readTimeoutSeconds how long the login screen waits for a card, {@value
 *     #MIN_READ_TIMEOUT_SECONDS} to {@value #MAX_READ_TIMEOUT_SECONDS}
 * @param cardRemovalEndsSession lifting the ID card off the reader ends the session
 * @param socialSecurityCard the social security card (in the smart-card reader) is accepted instead
 *     of the ID card
 */
public record Identity(int readTimeoutSeconds, boolean cardRemovalEndsSession, boolean socialSecurityCard) {
    public static final int MIN_READ_TIMEOUT_SECONDS = 10;
    public static final int MAX_READ_TIMEOUT_SECONDS = 120;
    public static final int DEFAULT_READ_TIMEOUT_SECONDS = 30;

    public static final Key<Integer> READ_TIMEOUT = Key.optional(
                    "readTimeoutSeconds",
                    Types.wholeNumber(MIN_READ_TIMEOUT_SECONDS, MAX_READ_TIMEOUT_SECONDS),
                    DEFAULT_READ_TIMEOUT_SECONDS)
            .doc("登录页等待身份证的秒数，超时后提示没有读到卡", "How long the login screen waits for a card before it says none came");

    public static final Key<Boolean> CARD_REMOVAL_ENDS_SESSION = Key.optional(
                    "cardRemovalEndsSession", Types.bool(), false)
            .doc(
                    "true：身份证一离开读卡器就结束会话并清除身份；false：保留到退出或无操作超时，市民可以先收好证件",
                    "true ends the session (and wipes the identity) as soon as the ID card is lifted off the reader; false keeps it until exit or inactivity");

    public static final Key<Boolean> SOCIAL_SECURITY_CARD = Key.optional("socialSecurityCard", Types.bool(), false)
            .doc(
                    "true：也接受智能卡读卡器中的社会保障卡代替身份证",
                    "true also accepts the social security card (社会保障卡) in the smart-card reader instead of the ID card");

    /** The {@code identity} section. */
    public static final ObjectSchema<Identity> SCHEMA = ObjectSchema.of(
            "a mapping",
            List.of(READ_TIMEOUT, CARD_REMOVAL_ENDS_SESSION, SOCIAL_SECURITY_CARD),
            v -> new Identity(v.get(READ_TIMEOUT), v.get(CARD_REMOVAL_ENDS_SESSION), v.get(SOCIAL_SECURITY_CARD)));

    /** What an omitted {@code identity} section means. */
    public static final Identity DEFAULTS = new Identity(DEFAULT_READ_TIMEOUT_SECONDS, false, false);

    public Identity {
        if (readTimeoutSeconds < MIN_READ_TIMEOUT_SECONDS || readTimeoutSeconds > MAX_READ_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException("identity.readTimeoutSeconds out of range: " + readTimeoutSeconds);
        }
    }

    public Duration readTimeout() {
        return Duration.ofSeconds(readTimeoutSeconds);
    }
}
