package cn.egov.kiosk.sync;

import cn.egov.kiosk.device.idcard.Sex;
import cn.egov.kiosk.identity.AppCodeLogin;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.identity.LoginFailedException;
import cn.egov.kiosk.identity.LoginProblem;
import cn.egov.kiosk.platform.api.AppLogins;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 扫码登录 over the platform ({@code POST /v1/app-logins}), with the client for calls a citizen waits
 * on. An offline kiosk does not make the citizen wait for a timeout: it says at once that the ID
 * card still works. Neither the code nor whom it names is logged.
 */
public final class PlatformAppLogin implements AppCodeLogin {
    private static final Logger log = LoggerFactory.getLogger(PlatformAppLogin.class);

    private final Supplier<PlatformClient> client;
    private final PlatformLink link;

    public PlatformAppLogin(Supplier<PlatformClient> client, PlatformLink link) {
        this.client = client;
        this.link = link;
    }

    @Override
    public Identity resolve(String code) throws LoginFailedException {
        PlatformLink.State state = link.status().state();
        if (state != PlatformLink.State.ONLINE && state != PlatformLink.State.STARTING) {
            log.info("App code login refused: the platform is {}", state);
            throw new LoginFailedException(LoginProblem.APP_LOGIN_OFFLINE, "the platform is not online", null);
        }
        AppLogins.Citizen c;
        try {
            c = client.get().appLogin(new AppLogins.Resolve(code));
            link.reached();
        } catch (PlatformException e) {
            link.failed(e);
            LoginProblem problem = problemOf(e);
            log.info("App code login: {} ({})", problem, e.code());
            throw new LoginFailedException(problem, e.code(), e);
        }
        if (c == null || c.idType() == null || isBlank(c.name()) || isBlank(c.idNumber())) {
            // the contract requires them: a citizen the platform did not say is no one to sign in
            log.warn("App code login: the platform's answer lacks the citizen's document, name or number");
            throw new LoginFailedException(LoginProblem.APP_LOGIN_OFFLINE, "incomplete app login answer", null);
        }
        log.info("App code login: {} resolved", c.idType());
        return Identity.ofProvinceApp(
                switch (c.idType()) {
                    case RESIDENT -> Identity.Document.RESIDENT_ID_CARD;
                    case FOREIGN -> Identity.Document.FOREIGN_PERMANENT_RESIDENT_CARD;
                    case PERMIT -> Identity.Document.RESIDENCE_PERMIT;
                },
                c.name(),
                c.idNumber(),
                Optional.ofNullable(c.birthDate()),
                Optional.ofNullable(c.sex()).map(s -> s == AppLogins.Sex.MALE ? Sex.MALE : Sex.FEMALE),
                Optional.ofNullable(c.address()).filter(a -> !a.isBlank()),
                Optional.ofNullable(c.phone()).filter(p -> !p.isBlank()));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static LoginProblem problemOf(PlatformException e) {
        if (e.offline() || e.authRefused()) {
            return LoginProblem.APP_LOGIN_OFFLINE;
        }
        return switch (e.code()) {
            case Problem.APP_CODE_EXPIRED -> LoginProblem.APP_CODE_EXPIRED;
            case Problem.APP_CODE_USED -> LoginProblem.APP_CODE_USED;
            case Problem.APP_CODE_INVALID -> LoginProblem.APP_CODE_INVALID;
            // busy (429), or an answer the kiosk did not expect: the platform's trouble, not the code's
            default ->
                e.retryable() || e.status() == 429 || e.status() < 400
                        ? LoginProblem.APP_LOGIN_OFFLINE
                        : LoginProblem.APP_CODE_INVALID;
        };
    }
}
