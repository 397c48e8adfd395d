package cn.egov.kiosk.ui;

import cn.egov.kiosk.appointment.AppointmentProblem;
import cn.egov.kiosk.feature.Unavailable;
import cn.egov.kiosk.identity.LoginProblem;
import cn.egov.kiosk.licence.PostalProblem;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.queue.IssueOutcome;

/**
 * Every failure a citizen can see, its short code for staff and what the citizen is told to do next:
 * the one place that maps each reason to its code. The screen says what happened and what to do in
 * the citizen's words, then {@code 代码 P-PAPER-OUT} on a line of its own, which staff look up in
 * {@code docs/ERROR-CODES.md}. A code keeps its meaning once shipped: a new reason gets a new code.
 * The switches are exhaustive: a new reason without a code does not compile.
 *
 * <p>The first letter says where: {@code T} the queue ticket (the ticket printer), {@code P} a
 * printed page (the printed guide, the acceptance receipt, a licence: the licence printer), {@code
 * C} the ID card, {@code D} a device a feature needs (the home screen's tiles), {@code N} the
 * government service platform, {@code A} an application, {@code G} the service guide, {@code Y} an
 * appointment (预约), {@code E} the enterprise lookup, {@code L} signing in by the province app's
 * code, {@code M} free postal delivery (免费邮寄), {@code F} a fee paid at the kiosk (缴费), {@code S} social
 * insurance dues (社保缴费).
 */
public final class ErrorCodes {
    /** A queue ticket failed for a reason nobody foresaw (an exception). */
    public static final String TICKET_UNEXPECTED = "T-UNEXPECTED";
    /** The platform refused an application at once: nothing was submitted. */
    public static final String APPLY_REFUSED = "A-REFUSED";
    /** An application could not be saved at the kiosk: nothing was submitted. */
    public static final String APPLY_NOT_SAVED = "A-NOT-SAVED";
    /** The service catalogue never reached this kiosk. */
    public static final String GUIDE_NO_CATALOGUE = "G-NO-CATALOGUE";
    // progress
    /** 办件进度: the platform could not be asked; only what the kiosk holds was shown. */
    public static final String PROGRESS_AWAY = "N-PROGRESS-AWAY";
    /** 办件进度: the kiosk's own part of the search failed (its store). */
    public static final String PROGRESS_FAILED = "A-PROGRESS-FAILED";
    /** An application made here that the platform refused when it was sent: a dead letter for staff. */
    public static final String PROGRESS_NOT_TAKEN = "A-NOT-TAKEN";
    // enterprise
    /**
     * The platform answered the kiosk's question to the enterprise register with a refusal the kiosk
     * did not expect (not "not found"): nothing was looked up.
     */
    public static final String ENTERPRISE_REFUSED = "E-REFUSED";
    // payments
    /** A fee's payment the bank or the wallet declined: nothing was taken. */
    public static final String FEE_DECLINED = "F-DECLINED";
    /** A fee's payment whose outcome is not known yet: the kiosk's recovery finds it out. */
    public static final String FEE_IN_DOUBT = "F-IN-DOUBT";
    /** A fee paid before (its due held as paid in the kiosk's journal): nothing was asked. */
    public static final String FEE_ALREADY_PAID = "F-ALREADY-PAID";
    /** A fee whose earlier payment is in doubt or being given back: nothing was asked. */
    public static final String FEE_ALREADY_PAYING = "F-ALREADY-PAYING";
    /** The kiosk itself failed while paying a fee (its store): whether it was charged is checked. */
    public static final String FEE_FAILED = "F-FAILED";
    /** 社保缴费: the platform could not be asked for the citizen's dues. */
    public static final String INSURANCE_AWAY = "S-AWAY";
    /** 社保缴费: the kiosk failed while looking up the dues (a reason nobody foresaw). */
    public static final String INSURANCE_FAILED = "S-FAILED";

    private ErrorCodes() {}

    /** A queue ticket that did not print. */
    public static String of(IssueOutcome.Reason reason) {
        return switch (reason) {
            case PRINTER_MISSING -> "T-NO-PRINTER";
            case PRINTER_OFFLINE -> "T-PRINTER-OFFLINE";
            case PAPER_OUT -> "T-PAPER-OUT";
            case COVER_OPEN -> "T-COVER-OPEN";
            case PRINTER_FAULT -> "T-PRINTER-FAULT";
            case STORE_FAILED -> "T-STORE";
        };
    }

    /** A page (guide, receipt, licence) that did not print. */
    public static String of(Printing.Problem problem) {
        return switch (problem) {
            case NO_PRINTER -> "P-NO-PRINTER";
            case PAPER_OUT -> "P-PAPER-OUT";
            case COVER_OPEN -> "P-COVER-OPEN";
            case OFFLINE -> "P-OFFLINE";
            case PRINTER_FAULT -> "P-PRINTER-FAULT";
            case TEMPLATE -> "P-TEMPLATE";
            case PLATFORM -> "P-PLATFORM";
        };
    }

    /** A login (an ID card, the province app's code) that gave no identity. */
    public static String of(LoginProblem problem) {
        return switch (problem) {
            case NO_CARD -> "C-NO-CARD";
            case PLACE_AGAIN -> "C-PLACE-AGAIN";
            case LIFT_AND_PLACE_AGAIN -> "C-READ-BEFORE";
            case CARD_UNREADABLE -> "C-UNREADABLE";
            case CARD_NOT_SUPPORTED -> "C-NOT-SUPPORTED";
            case CARD_EXPIRED -> "C-EXPIRED";
            case USE_ID_CARD -> "C-USE-ID-CARD";
            case READER_OUT_OF_SERVICE -> "C-READER-OUT";
            case APP_CODE_INVALID -> "L-CODE-INVALID";
            case APP_CODE_EXPIRED -> "L-CODE-EXPIRED";
            case APP_CODE_USED -> "L-CODE-USED";
            case APP_LOGIN_OFFLINE -> "L-OFFLINE";
        };
    }

    /** A licence's free postal delivery that was not ordered. */
    public static String of(PostalProblem problem) {
        return switch (problem) {
            case OFFLINE -> "M-PLATFORM";
            case COLLECTED -> "M-COLLECTED";
            case MAILED -> "M-MAILED";
        };
    }

    /** What the citizen does when the post was not ordered: again later, or nothing (it is on its way). */
    public static Msg nextStep(PostalProblem problem) {
        return switch (problem) {
            case OFFLINE -> Msg.POSTAL_NEXT_RETRY;
            case COLLECTED -> Msg.NEXT_AT_WINDOW;
            case MAILED -> Msg.POSTAL_NEXT_WAIT;
        };
    }

    /** A feature out of service (a tile of the home screen). */
    public static String of(Unavailable reason) {
        return switch (reason) {
            case DEVICE_STARTING -> "D-STARTING";
            case DEVICE_OFFLINE -> "D-OFFLINE";
            case COVER_OPEN -> "D-COVER-OPEN";
            case PAPER_OUT -> "D-PAPER-OUT";
            case JAM -> "D-JAM";
            case CUTTER_ERROR -> "D-CUTTER";
            case HARDWARE_FAULT -> "D-FAULT";
            case HARDWARE_ERROR -> "D-ERROR";
            case NOT_FITTED -> "D-NOT-FITTED";
            case PLATFORM_OFFLINE -> "N-PLATFORM-AWAY";
            case PLATFORM_NOT_REGISTERED -> "N-NOT-REGISTERED";
            case AFTER_HOURS -> "H-AFTER-HOURS";
        };
    }

    /** What the citizen does when no ticket came: a number at a window. */
    public static Msg nextStep(IssueOutcome.Reason reason) {
        return switch (reason) {
            case PRINTER_MISSING, PRINTER_OFFLINE, PAPER_OUT, COVER_OPEN, PRINTER_FAULT, STORE_FAILED ->
                Msg.TICKET_FAILED_ADVICE;
        };
    }

    /** What the citizen does when a page did not print: printed at a window, or later when the platform is back. */
    public static Msg nextStep(Printing.Problem problem) {
        return switch (problem) {
            case NO_PRINTER, PAPER_OUT, COVER_OPEN, OFFLINE, PRINTER_FAULT, TEMPLATE -> Msg.NEXT_PRINT_AT_WINDOW;
            case PLATFORM -> Msg.NEXT_TRY_LATER;
        };
    }

    /** What the citizen does when the card gave no identity. */
    public static Msg nextStep(LoginProblem problem) {
        return switch (problem) {
            case NO_CARD -> Msg.LOGIN_ADVICE_NO_CARD;
            case PLACE_AGAIN, LIFT_AND_PLACE_AGAIN -> Msg.LOGIN_ADVICE_PLACE_AGAIN;
            case CARD_UNREADABLE, CARD_NOT_SUPPORTED -> Msg.LOGIN_ADVICE_ASK_STAFF;
            case CARD_EXPIRED -> Msg.LOGIN_ADVICE_EXPIRED;
            case USE_ID_CARD -> Msg.LOGIN_ADVICE_USE_ID_CARD;
            case READER_OUT_OF_SERVICE -> Msg.LOGIN_ADVICE_OUT_OF_SERVICE;
            case APP_CODE_INVALID -> Msg.LOGIN_ADVICE_APP_INVALID;
            case APP_CODE_EXPIRED, APP_CODE_USED -> Msg.LOGIN_ADVICE_APP_REFRESH;
            case APP_LOGIN_OFFLINE -> Msg.LOGIN_ADVICE_APP_OFFLINE;
        };
    }

    /** What the citizen does when a feature is out of service: wait for a starting device, else a window. */
    public static Msg nextStep(Unavailable reason) {
        return switch (reason) {
            case DEVICE_STARTING -> Msg.NEXT_WAIT_STARTING;
            case PLATFORM_OFFLINE -> Msg.NEXT_TRY_LATER;
            case AFTER_HOURS -> Msg.NEXT_IN_OPENING_HOURS;
            case DEVICE_OFFLINE,
                    COVER_OPEN,
                    PAPER_OUT,
                    JAM,
                    CUTTER_ERROR,
                    HARDWARE_FAULT,
                    HARDWARE_ERROR,
                    NOT_FITTED,
                    PLATFORM_NOT_REGISTERED -> Msg.NEXT_AT_WINDOW;
        };
    }

    // appointments

    /** An appointment the platform did not book, find, check in or cancel ({@code Y}: 预约). */
    public static String of(AppointmentProblem problem) {
        return switch (problem) {
            case OFFLINE -> "Y-OFFLINE";
            case SLOT_FULL -> "Y-SLOT-FULL";
            case TOO_EARLY -> "Y-TOO-EARLY";
            case TOO_LATE -> "Y-TOO-LATE";
            case NOT_BOOKED -> "Y-NOT-BOOKED";
            case NOT_FOUND -> "Y-NOT-FOUND";
            case FAILED -> "Y-FAILED";
        };
    }

    /** What the citizen does when the platform did not do what was asked of an appointment. */
    public static Msg nextStep(AppointmentProblem problem) {
        return switch (problem) {
            case OFFLINE -> Msg.APPOINTMENT_NEXT_OFFLINE;
            case SLOT_FULL -> Msg.APPOINTMENT_NEXT_OTHER_SLOT;
            case TOO_EARLY -> Msg.APPOINTMENT_NEXT_COME_BACK;
            case TOO_LATE -> Msg.APPOINTMENT_NEXT_TOO_LATE;
            case NOT_BOOKED, NOT_FOUND -> Msg.APPOINTMENT_NEXT_BOOK_AGAIN;
            case FAILED -> Msg.APPOINTMENT_NEXT_FAILED;
        };
    }

    /** The code's line under the citizen's words: 代码 P-PAPER-OUT, or "" for no code. */
    public static String line(I18n i18n, String code) {
        return code == null || code.isEmpty() ? "" : i18n.text(Msg.ERROR_CODE, code);
    }
}
