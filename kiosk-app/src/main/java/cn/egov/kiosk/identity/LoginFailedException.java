package cn.egov.kiosk.identity;

/** The login did not give an identity; the message is for the log and has no personal data. */
public final class LoginFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final LoginProblem problem;

    public LoginFailedException(LoginProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public LoginProblem problem() {
        return problem;
    }
}
