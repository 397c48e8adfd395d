package cn.egov.kiosk.ui.voice;

import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.Screen;
import cn.egov.kiosk.ui.apply.ApplyViewModel;
import cn.egov.kiosk.ui.appointment.BookViewModel;
import cn.egov.kiosk.ui.appointment.MineViewModel;
import cn.egov.kiosk.ui.checkin.CheckInViewModel;
import cn.egov.kiosk.ui.enterprise.EnterpriseViewModel;
import cn.egov.kiosk.ui.guide.GuideViewModel;
import cn.egov.kiosk.ui.idlogin.IdLoginViewModel;
import cn.egov.kiosk.ui.insurance.InsuranceViewModel;
import cn.egov.kiosk.ui.licence.LicenceViewModel;
import cn.egov.kiosk.ui.pay.FeeStepViewModel;
import cn.egov.kiosk.ui.postal.PostalViewModel;
import cn.egov.kiosk.ui.progress.ProgressViewModel;
import cn.egov.kiosk.ui.ticket.TicketViewModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the kiosk says at each step of each screen: the instruction when a step waits for the
 * citizen, the outcome when something happened. The switches are exhaustive, so a new step does not
 * compile until it has its words (or says, with {@code null}, that it is silent).
 */
public final class Prompts {
    private Prompts() {}

    /** Said when a screen without steps of its own is shown. */
    public static Optional<Msg> screen(Screen s) {
        return Optional.ofNullable(
                switch (s) {
                    case HOME -> Msg.VOICE_HOME;
                    // the attract screen waits for anyone: it does not talk to an empty hall
                    case ATTRACT -> null;
                    // these speak their steps
                    case ID_LOGIN, TICKET, LICENCE, GUIDE, APPLY, POSTAL -> null;
                    // appointments
                    case APPOINTMENT, MY_APPOINTMENTS, CHECK_IN -> null;
                    // progress
                    case PROGRESS -> null;
                    // enterprise
                    case ENTERPRISE -> null;
                    // payments
                    case INSURANCE -> null;
                });
    }

    // payments

    /** 社保缴费: its own steps; in the fee step ({@code PAY}) the ways to pay, then the fee step's words. */
    public static Msg insurance(InsuranceViewModel.Step step) {
        return switch (step) {
            case LOADING -> Msg.VOICE_INSURANCE_LOADING;
            case LIST -> Msg.VOICE_INSURANCE_LIST;
            case NONE -> Msg.VOICE_INSURANCE_NONE;
            case GRADE -> Msg.VOICE_INSURANCE_GRADE;
            case PAY -> Msg.VOICE_PAY_CHOOSE;
            case OFFLINE -> Msg.VOICE_INSURANCE_OFFLINE;
            case FAILED -> Msg.VOICE_INSURANCE_FAILED;
        };
    }

    /** The fee step: each way's instruction and each outcome; the ways to pay are said by the flow's step. */
    public static Msg fee(FeeStepViewModel.Step step) {
        return switch (step) {
            case CHOOSE -> null;
            case STARTING -> Msg.VOICE_PAY_STARTING;
            case CARD -> Msg.VOICE_PAY_CARD;
            case QR -> Msg.VOICE_PAY_QR;
            case SCAN -> Msg.VOICE_PAY_SCAN;
            case CHARGING -> Msg.VOICE_PAY_CHARGING;
            case CANCELLING -> Msg.VOICE_PAY_CANCELLING;
            case PAID -> Msg.VOICE_PAY_PAID;
            case DECLINED -> Msg.VOICE_PAY_DECLINED;
            case CANCELLED -> Msg.VOICE_PAY_CANCELLED;
            case IN_DOUBT -> Msg.VOICE_PAY_IN_DOUBT;
            case ALREADY_PAID -> Msg.VOICE_PAY_ALREADY_PAID;
            case ALREADY_PAYING -> Msg.VOICE_PAY_ALREADY_PAYING;
            case FAILED -> Msg.VOICE_PAY_FAILED;
        };
    }

    public static Msg idLogin(IdLoginViewModel.Step step) {
        return switch (step) {
            case WAITING -> Msg.VOICE_ID_WAITING;
            case READING -> Msg.VOICE_ID_READING;
            case CHECKING -> Msg.VOICE_ID_CHECKING;
            case DONE -> Msg.VOICE_ID_DONE;
            case FAILED -> Msg.VOICE_ID_FAILED;
        };
    }

    public static Msg ticket(TicketViewModel.Step step) {
        return switch (step) {
            case CHOOSING -> Msg.VOICE_TICKET_CHOOSING;
            case PRINTING -> Msg.VOICE_TICKET_PRINTING;
            case DONE -> Msg.VOICE_TICKET_DONE;
            case FAILED -> Msg.VOICE_TICKET_FAILED;
        };
    }

    public static Msg licence(LicenceViewModel.Step step) {
        return switch (step) {
            case LOADING -> Msg.VOICE_LICENCE_LOADING;
            case NONE -> Msg.VOICE_LICENCE_NONE;
            case LIST -> Msg.VOICE_LICENCE_LIST;
            case PREVIEW -> Msg.VOICE_LICENCE_PREVIEW;
            case PRINTING -> Msg.VOICE_LICENCE_PRINTING;
            case DONE -> Msg.VOICE_LICENCE_DONE;
            case FAILED -> Msg.VOICE_LICENCE_FAILED;
        };
    }

    public static Msg guide(GuideViewModel.Step step) {
        return switch (step) {
            case LOADING -> Msg.VOICE_GUIDE_LOADING;
            case EMPTY -> Msg.VOICE_GUIDE_EMPTY;
            case START -> Msg.VOICE_GUIDE_START;
            case GROUPS -> Msg.VOICE_GUIDE_GROUPS;
            case LIST -> Msg.VOICE_GUIDE_LIST;
            case SEARCH -> Msg.VOICE_GUIDE_SEARCH;
            case ITEM -> Msg.VOICE_GUIDE_ITEM;
        };
    }

    /** The guide's printing: its outcome; nothing before it is asked for. */
    public static Msg guidePrint(GuideViewModel.PrintState state) {
        return switch (state) {
            case IDLE -> null;
            case PRINTING -> Msg.VOICE_GUIDE_PRINTING;
            case PRINTED -> Msg.VOICE_GUIDE_PRINTED;
            case FAILED -> Msg.VOICE_GUIDE_PRINT_FAILED;
        };
    }

    public static Msg apply(ApplyViewModel.Step step) {
        return switch (step) {
            // before an item is chosen the screen is not shown
            case IDLE -> null;
            case LOADING -> Msg.VOICE_APPLY_LOADING;
            case CHECK -> Msg.VOICE_APPLY_CHECK;
            case FORM -> Msg.VOICE_APPLY_FORM;
            case CONFIRM -> Msg.VOICE_APPLY_CONFIRM;
            case SUBMITTING -> Msg.VOICE_APPLY_SUBMITTING;
            case PAY -> Msg.VOICE_APPLY_PAY;
            case DONE -> Msg.VOICE_APPLY_DONE;
            case REFUSED -> Msg.VOICE_APPLY_REFUSED;
            case FAILED -> Msg.VOICE_APPLY_FAILED;
        };
    }

    public static Msg postal(PostalViewModel.Step step) {
        return switch (step) {
            case ADDRESS -> Msg.VOICE_POSTAL_ADDRESS;
            case PHONE -> Msg.VOICE_POSTAL_PHONE;
            case CONFIRM -> Msg.VOICE_POSTAL_CONFIRM;
            case SENDING -> Msg.VOICE_POSTAL_SENDING;
            case DONE -> Msg.VOICE_POSTAL_DONE;
            case FAILED -> Msg.VOICE_POSTAL_FAILED;
        };
    }

    // appointments

    public static Msg appointment(BookViewModel.Step step) {
        return switch (step) {
            case LOADING -> Msg.VOICE_APPOINTMENT_LOADING;
            case NONE -> Msg.VOICE_APPOINTMENT_NONE;
            case START -> Msg.VOICE_APPOINTMENT_START;
            case DEPARTMENTS -> Msg.VOICE_APPOINTMENT_DEPARTMENTS;
            case DEPARTMENT -> Msg.VOICE_APPOINTMENT_ITEMS;
            case DAYS -> Msg.VOICE_APPOINTMENT_DAYS;
            case SLOTS_LOADING -> Msg.VOICE_APPOINTMENT_SLOTS_LOADING;
            case SLOTS -> Msg.VOICE_APPOINTMENT_SLOTS;
            case OFFLINE -> Msg.VOICE_APPOINTMENT_OFFLINE;
            // the login step speaks for itself
            case IDENTIFYING -> null;
            case PHONE -> Msg.VOICE_APPOINTMENT_PHONE;
            case CONFIRM -> Msg.VOICE_APPOINTMENT_CONFIRM;
            case BOOKING -> Msg.VOICE_APPOINTMENT_BOOKING;
            case DONE -> Msg.VOICE_APPOINTMENT_DONE;
            case FAILED -> Msg.VOICE_APPOINTMENT_FAILED;
        };
    }

    /** The confirmation's printing: a failure is said; the done step already asked to take it. */
    public static Msg appointmentPrint(BookViewModel.PrintState state) {
        return switch (state) {
            case NONE, PRINTING, PRINTED -> null;
            case FAILED -> Msg.VOICE_APPOINTMENT_PRINT_FAILED;
        };
    }

    public static Msg myAppointments(MineViewModel.Step step) {
        return switch (step) {
            case LOADING -> Msg.VOICE_MINE_LOADING;
            case NONE -> Msg.VOICE_MINE_NONE;
            case LIST -> Msg.VOICE_MINE_LIST;
            case CONFIRM -> Msg.VOICE_MINE_CONFIRM;
            case CANCELLING -> Msg.VOICE_MINE_CANCELLING;
            case CANCELLED -> Msg.VOICE_MINE_CANCELLED;
            case FAILED -> Msg.VOICE_MINE_FAILED;
        };
    }

    public static Msg checkIn(CheckInViewModel.Step step) {
        return switch (step) {
            case START -> Msg.VOICE_CHECKIN_START;
            case LOOKING -> Msg.VOICE_CHECKIN_LOOKING;
            case CHOOSE -> Msg.VOICE_CHECKIN_CHOOSE;
            case CHECKING_IN -> Msg.VOICE_CHECKIN_CHECKING;
            case DONE -> Msg.VOICE_CHECKIN_DONE;
            case ALREADY -> Msg.VOICE_CHECKIN_ALREADY;
            case NOT_PRINTED -> Msg.VOICE_CHECKIN_NOT_PRINTED;
            case TOO_EARLY -> Msg.VOICE_CHECKIN_TOO_EARLY;
            case TOO_LATE -> Msg.VOICE_CHECKIN_TOO_LATE;
            case NOT_BOOKED -> Msg.VOICE_CHECKIN_NOT_BOOKED;
            case NONE -> Msg.VOICE_CHECKIN_NONE;
            case PRINTER -> Msg.VOICE_CHECKIN_PRINTER;
            case FAILED -> Msg.VOICE_CHECKIN_FAILED;
        };
    }

    // progress
    public static Msg progress(ProgressViewModel.Step step) {
        return switch (step) {
            case CHOOSE -> Msg.VOICE_PROGRESS_CHOOSE;
            case SCAN -> Msg.VOICE_PROGRESS_SCAN;
            case SEARCHING -> Msg.VOICE_PROGRESS_SEARCHING;
            case LIST -> Msg.VOICE_PROGRESS_LIST;
            case DETAIL -> Msg.VOICE_PROGRESS_DETAIL;
            case NONE -> Msg.VOICE_PROGRESS_NONE;
            case UNKNOWN_CODE -> Msg.VOICE_PROGRESS_UNKNOWN_CODE;
            case OFFLINE -> Msg.VOICE_PROGRESS_OFFLINE;
            case FAILED -> Msg.VOICE_PROGRESS_FAILED;
        };
    }

    /** The progress slip's printing: its outcome; nothing before it is asked for. */
    public static Msg progressPrint(ProgressViewModel.PrintState state) {
        return switch (state) {
            case IDLE -> null;
            case PRINTING -> Msg.VOICE_PROGRESS_PRINTING;
            case PRINTED -> Msg.VOICE_PROGRESS_PRINTED;
            case FAILED -> Msg.VOICE_PROGRESS_PRINT_FAILED;
        };
    }

    // enterprise
    public static Msg enterprise(EnterpriseViewModel.Step step) {
        return switch (step) {
            case CHOOSE -> Msg.VOICE_ENTERPRISE_CHOOSE;
            case CODE -> Msg.VOICE_ENTERPRISE_CODE;
            case NAME -> Msg.VOICE_ENTERPRISE_NAME;
            case SEARCHING -> Msg.VOICE_ENTERPRISE_SEARCHING;
            case MATCHES -> Msg.VOICE_ENTERPRISE_MATCHES;
            case RESULT -> Msg.VOICE_ENTERPRISE_RESULT;
            case UNAVAILABLE -> Msg.VOICE_ENTERPRISE_UNAVAILABLE;
        };
    }

    /** The enterprise page's printing: its outcome; nothing before it is asked for. */
    public static Msg enterprisePrint(EnterpriseViewModel.PrintState state) {
        return switch (state) {
            case IDLE -> null;
            case PRINTING -> Msg.VOICE_ENTERPRISE_PRINTING;
            case PRINTED -> Msg.VOICE_ENTERPRISE_PRINTED;
            case FAILED -> Msg.VOICE_ENTERPRISE_PRINT_FAILED;
        };
    }

    /** Every prompt, by the screen that says it (the inactivity warning and the end: over any screen). */
    public static Map<Screen, List<Msg>> all() {
        Map<Screen, List<Msg>> all = new EnumMap<>(Screen.class);
        for (Screen s : Screen.values()) {
            List<Msg> said = new ArrayList<>();
            screen(s).ifPresent(said::add);
            switch (s) {
                case ID_LOGIN -> add(said, IdLoginViewModel.Step.values(), Prompts::idLogin);
                case TICKET -> add(said, TicketViewModel.Step.values(), Prompts::ticket);
                case LICENCE -> add(said, LicenceViewModel.Step.values(), Prompts::licence);
                case GUIDE -> {
                    add(said, GuideViewModel.Step.values(), Prompts::guide);
                    add(said, GuideViewModel.PrintState.values(), Prompts::guidePrint);
                }
                case APPLY -> {
                    add(said, ApplyViewModel.Step.values(), Prompts::apply);
                    add(said, FeeStepViewModel.Step.values(), Prompts::fee);
                }
                case POSTAL -> add(said, PostalViewModel.Step.values(), Prompts::postal);
                // appointments
                case APPOINTMENT -> {
                    add(said, BookViewModel.Step.values(), Prompts::appointment);
                    add(said, BookViewModel.PrintState.values(), Prompts::appointmentPrint);
                }
                case MY_APPOINTMENTS -> add(said, MineViewModel.Step.values(), Prompts::myAppointments);
                case CHECK_IN -> add(said, CheckInViewModel.Step.values(), Prompts::checkIn);
                // enterprise
                case ENTERPRISE -> {
                    add(said, EnterpriseViewModel.Step.values(), Prompts::enterprise);
                    add(said, EnterpriseViewModel.PrintState.values(), Prompts::enterprisePrint);
                }
                case HOME, ATTRACT -> {}
                // payments
                case INSURANCE -> {
                    add(said, InsuranceViewModel.Step.values(), Prompts::insurance);
                    add(said, FeeStepViewModel.Step.values(), Prompts::fee);
                }
                // progress
                case PROGRESS -> {
                    add(said, ProgressViewModel.Step.values(), Prompts::progress);
                    add(said, ProgressViewModel.PrintState.values(), Prompts::progressPrint);
                }
            }
            all.put(s, List.copyOf(said));
        }
        return all;
    }

    private static <E> void add(List<Msg> said, E[] steps, Function<E, Msg> words) {
        for (E step : steps) {
            Msg m = words.apply(step);
            if (m != null) {
                said.add(m);
            }
        }
    }
}
