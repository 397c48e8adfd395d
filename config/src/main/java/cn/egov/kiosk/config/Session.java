package cn.egov.kiosk.config;

import cn.egov.kiosk.common.schema.Key;
import cn.egov.kiosk.common.schema.ObjectSchema;
import cn.egov.kiosk.common.schema.Types;
import java.time.Duration;
import java.util.List;

/**
 * The {@code session} section: when an unattended session ends.
 *
 * <p>After {@code inactivityTimeoutSeconds} without a touch the kiosk asks "are you still there?"
 * and counts down {@code warningSeconds}; without a touch by then it ends the session and wipes
 * its data. The countdown is at least 20 seconds (WCAG 2.2 success criterion 2.2.1, Timing
 * Adjustable: at least 20 seconds to extend with a simple action).
 *
 * @param inactivityTimeoutSeconds seconds without a touch before the warning, {@value
 *     #MIN_INACTIVITY_TIMEOUT_SECONDS} to {@value #MAX_INACTIVITY_TIMEOUT_SECONDS}
 * @param warningSeconds seconds of the warning's countdown, {@value #MIN_WARNING_SECONDS} to
 *     {@value #MAX_WARNING_SECONDS}
 * @param finishedSeconds once a citizen's business is done (the ticket taken, the licence
 *     printed), the seconds the screen offers another service or exit, counting down, before the
 *     session ends by itself: {@value #MIN_FINISHED_SECONDS} to {@value #MAX_FINISHED_SECONDS}
 */
public record Session(int inactivityTimeoutSeconds, int warningSeconds, int finishedSeconds) {
    public static final int MIN_INACTIVITY_TIMEOUT_SECONDS = 15;
    public static final int MAX_INACTIVITY_TIMEOUT_SECONDS = 600;
    public static final int DEFAULT_INACTIVITY_TIMEOUT_SECONDS = 60;
    public static final int MIN_WARNING_SECONDS = 20;
    public static final int MAX_WARNING_SECONDS = 120;
    public static final int DEFAULT_WARNING_SECONDS = 20;
    public static final int MIN_FINISHED_SECONDS = 5;
    public static final int MAX_FINISHED_SECONDS = 120;
    public static final int DEFAULT_FINISHED_SECONDS = 15;

    public static final Key<Integer> INACTIVITY_TIMEOUT = Key.optional(
                    "inactivityTimeoutSeconds",
                    Types.wholeNumber(MIN_INACTIVITY_TIMEOUT_SECONDS, MAX_INACTIVITY_TIMEOUT_SECONDS),
                    DEFAULT_INACTIVITY_TIMEOUT_SECONDS)
            .doc("无人操作多少秒后询问“您还在吗？”", "Seconds without a touch before the kiosk asks \"are you still there?\"");

    public static final Key<Integer> WARNING = Key.optional(
                    "warningSeconds",
                    Types.wholeNumber(
                            MIN_WARNING_SECONDS, MAX_WARNING_SECONDS, " (WCAG 2.2.1: at least 20 seconds to react)"),
                    DEFAULT_WARNING_SECONDS)
            .doc(
                    "询问的倒计时秒数，之后会话结束并清除全部个人数据；至少 20 秒（WCAG 2.2 第 2.2.1 条）",
                    "Seconds the question counts down before the session ends and its personal data is wiped; at least 20 (WCAG 2.2, 2.2.1 Timing Adjustable)");

    public static final Key<Integer> FINISHED = Key.optional(
                    "finishedSeconds",
                    Types.wholeNumber(MIN_FINISHED_SECONDS, MAX_FINISHED_SECONDS),
                    DEFAULT_FINISHED_SECONDS)
            .doc(
                    "业务办完后（取到号、打印了证照），“办理其他业务 / 退出”页面倒计时的秒数，之后会话自行结束，市民姓名不留在屏幕上",
                    "Once the business is done (ticket taken, licence printed), the seconds the screen offers another service or exit, counting down;"
                            + " then the session ends by itself, so that the citizen's name does not stay on screen");

    /** The {@code session} section. */
    public static final ObjectSchema<Session> SCHEMA = ObjectSchema.of(
            "a mapping",
            List.of(INACTIVITY_TIMEOUT, WARNING, FINISHED),
            v -> new Session(v.get(INACTIVITY_TIMEOUT), v.get(WARNING), v.get(FINISHED)));

    /** What an omitted {@code session} section means. */
    public static final Session DEFAULTS =
            new Session(DEFAULT_INACTIVITY_TIMEOUT_SECONDS, DEFAULT_WARNING_SECONDS, DEFAULT_FINISHED_SECONDS);

    public Session {
        if (inactivityTimeoutSeconds < MIN_INACTIVITY_TIMEOUT_SECONDS
                || inactivityTimeoutSeconds > MAX_INACTIVITY_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException(
                    "session.inactivityTimeoutSeconds out of range: " + inactivityTimeoutSeconds);
        }
        if (warningSeconds < MIN_WARNING_SECONDS || warningSeconds > MAX_WARNING_SECONDS) {
            throw new IllegalArgumentException("session.warningSeconds out of range: " + warningSeconds);
        }
        if (finishedSeconds < MIN_FINISHED_SECONDS || finishedSeconds > MAX_FINISHED_SECONDS) {
            throw new IllegalArgumentException("session.finishedSeconds out of range: " + finishedSeconds);
        }
    }

    public Duration finished() {
        return Duration.ofSeconds(finishedSeconds);
    }

    public Duration inactivityTimeout() {
        return Duration.ofSeconds(inactivityTimeoutSeconds);
    }

    public Duration warning() {
        return Duration.ofSeconds(warningSeconds);
    }
}
