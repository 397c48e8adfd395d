package cn.egov.kiosk.appointment;

/** The platform did not book, find, check in or cancel; the message is for the log and has no personal data. */
public final class AppointmentException extends Exception {
    private static final long serialVersionUID = 1L;

    private final AppointmentProblem problem;

    public AppointmentException(AppointmentProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public AppointmentProblem problem() {
        return problem;
    }
}
