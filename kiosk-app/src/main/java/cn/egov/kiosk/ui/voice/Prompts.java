package cn.egov.kiosk.ui.voice;

import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.Screen;
import cn.egov.kiosk.ui.apply.ApplyViewModel;
import cn.egov.kiosk.ui.enterprise.EnterpriseViewModel;
import cn.egov.kiosk.ui.guide.GuideViewModel;
import cn.egov.kiosk.ui.idlogin.IdLoginViewModel;
import cn.egov.kiosk.ui.licence.LicenceViewModel;
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
                    case ID_LOGIN, TICKET, LICENCE, GUIDE, APPLY -> null;
                    // enterprise
                    case ENTERPRISE -> null;
                });
    }

    public static Msg idLogin(IdLoginViewModel.Step step) {
        return switch (step) {
            case WAITING -> Msg.VOICE_ID_WAITING;
            case READING -> Msg.VOICE_ID_READING;
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
            case DONE -> Msg.VOICE_APPLY_DONE;
            case REFUSED -> Msg.VOICE_APPLY_REFUSED;
            case FAILED -> Msg.VOICE_APPLY_FAILED;
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
                case APPLY -> add(said, ApplyViewModel.Step.values(), Prompts::apply);
                // enterprise
                case ENTERPRISE -> {
                    add(said, EnterpriseViewModel.Step.values(), Prompts::enterprise);
                    add(said, EnterpriseViewModel.PrintState.values(), Prompts::enterprisePrint);
                }
                case HOME, ATTRACT -> {}
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
