package cn.egov.kiosk.identity;

/**
 * 扫码登录: whom the province service app's dynamic code stands for. Only the platform can check the
 * province's signature, the code's age and that it was not used before; the kiosk never trusts a
 * code by itself. Blocks on the network: call it off the JavaFX thread.
 */
public interface AppCodeLogin {

    /**
     * The citizen of {@code code}, as the platform resolves it.
     *
     * @throws LoginFailedException {@link LoginProblem#APP_CODE_INVALID}, {@link
     *     LoginProblem#APP_CODE_EXPIRED}, {@link LoginProblem#APP_CODE_USED}, or {@link
     *     LoginProblem#APP_LOGIN_OFFLINE} when the platform does not answer
     */
    Identity resolve(String code) throws LoginFailedException;
}
