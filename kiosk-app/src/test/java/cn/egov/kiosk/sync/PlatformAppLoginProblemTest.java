package cn.egov.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.identity.LoginProblem;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.PlatformException;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the citizen is told of an app code the platform did not resolve: the code's fault or the platform's. */
class PlatformAppLoginProblemTest {

    private static PlatformException answered(int status, String code, boolean retryable) {
        Problem p = new Problem(URI.create(Problem.BASE + code), code, status, null, null, code, retryable, null);
        return new PlatformException(
                PlatformException.Kind.PROBLEM, status, Optional.of(p), Optional.empty(), code, null);
    }

    @Test
    void theCodesOwnTroubleIsSaidAsSuch() {
        assertThat(PlatformAppLogin.problemOf(answered(422, Problem.APP_CODE_EXPIRED, false)))
                .isEqualTo(LoginProblem.APP_CODE_EXPIRED);
        assertThat(PlatformAppLogin.problemOf(answered(409, Problem.APP_CODE_USED, false)))
                .isEqualTo(LoginProblem.APP_CODE_USED);
        assertThat(PlatformAppLogin.problemOf(answered(422, Problem.APP_CODE_INVALID, false)))
                .isEqualTo(LoginProblem.APP_CODE_INVALID);
    }

    @Test
    void aBusyOrFailingPlatformIsNotBlamedOnTheCode() {
        assertThat(PlatformAppLogin.problemOf(answered(429, "rate-limited", true)))
                .isEqualTo(LoginProblem.APP_LOGIN_OFFLINE);
        assertThat(PlatformAppLogin.problemOf(answered(503, "unavailable", true)))
                .isEqualTo(LoginProblem.APP_LOGIN_OFFLINE);
        assertThat(PlatformAppLogin.problemOf(new PlatformException(
                        PlatformException.Kind.PROTOCOL, 200, Optional.empty(), Optional.empty(), "bad body", null)))
                .isEqualTo(LoginProblem.APP_LOGIN_OFFLINE);
        assertThat(PlatformAppLogin.problemOf(new PlatformException(
                        PlatformException.Kind.UNREACHABLE, 0, Optional.empty(), Optional.empty(), "down", null)))
                .isEqualTo(LoginProblem.APP_LOGIN_OFFLINE);
    }
}
