package cn.egov.kiosk.tour;

import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.ui.KioskUi;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.enterprise.EnterpriseViewModel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.AccessibleRole;

/**
 * The citizen flows the walk-through knows, each as a citizen walks it: what they tap, what they
 * wait for, which screens are photographed. A flow is complete only when it reached its end as the
 * citizen sees it (the number on screen, the licence out, the guide printed, the receipt in hand).
 */
final class Flows {
    private Flows() {}

    /** What a flow walks with. */
    record Context(Walker walker, KioskRuntime runtime, KioskUi ui, Locale locale) {
        /** What the screen says for {@code m} in the tour's language: controls are found by it. */
        String text(Msg m) {
            return ui.i18n().text(m);
        }
    }

    /** One flow's walk; stops with {@link Walker.Stopped} where the citizen would be stuck. */
    interface Walk {
        void walk(Context c) throws Walker.Stopped;
    }

    record Flow(String name, String description, Walk walk) {
        void walk(Context c) throws Walker.Stopped {
            walk.walk(c);
        }
    }

    /** Every flow, in the order a tour walks them. */
    static final List<Flow> ALL = List.of(
            new Flow("ticket", "取号: a queue number printed on a ticket", Flows::ticket),
            new Flow(
                    "licences",
                    "证照打印: the ID card, every licence held, one previewed, printed, listed as collected",
                    Flows::licences),
            new Flow(
                    "postal",
                    "免费邮寄: a licence mailed to the card's address, the tracking number on the postal receipt",
                    Flows::postal),
            new Flow("guide", "办事指南: the lists, a search, an item's page, its guide printed", Flows::guide),
            new Flow("apply", "自助申办: an application from its form to the printed receipt", Flows::apply),
            new Flow(
                    "apply-fee",
                    "自助申办 with a fee: an item found by search, applied for, its fee paid on the card terminal,"
                            + " the payment receipt and the acceptance receipt printed",
                    ApplyWalk::withFee),
            // appointments
            new Flow(
                    "appointment",
                    "预约: a service by department, a day from the local copy, a time, the ID card, the phone, booked, the confirmation printed",
                    AppointmentWalk::book),
            new Flow(
                    "checkin",
                    "签到: confirmations scanned on the attract screen, one too early, today's checked in, its priority ticket printed",
                    AppointmentWalk::checkIn),
            // progress
            new Flow(
                    "progress",
                    "办件进度: the ID card, one's applications, each one's progress; then a receipt's code scanned at home",
                    ProgressWalk::walk),
            // enterprise
            new Flow(
                    "enterprise",
                    "企业信息查询: a credit code typed on its pad (a wrong last character first), the result"
                            + " printed; then part of a name in pinyin, a match chosen",
                    Flows::enterprise),
            // payments
            new Flow(
                    "pay-insurance-card",
                    "社保缴费 by card: the residence permit, the pension's year, a grade, paid on the card terminal, the receipt printed",
                    PaymentWalk::byCard),
            new Flow(
                    "pay-insurance-qr",
                    "社保缴费 by QR code: the ID card, the medical scheme's year, the code on screen read and paid by the phone's wallet, the receipt printed",
                    PaymentWalk::byQr));

    static Optional<Flow> named(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    // ---- the flows ------------------------------------------------------------------------------

    private static void ticket(Context c) throws Walker.Stopped {
        Walker w = c.walker();
        start(c);
        w.tapNamed(AccessibleRole.BUTTON, c.text(Msg.FEATURE_QUEUE_TICKET));
        identify(c, "type-A");
        w.awaitShown("type-A");
        w.shot("business-types");
        w.tap("type-A");
        w.step("wait for the number");
        w.awaitText("ticket-number", "the ticket's number on screen", t -> !t.isBlank());
        w.shot("number");
    }

    private static void licences(Context c) throws Walker.Stopped {
        Walker w = c.walker();
        start(c);
        w.tapNamed(AccessibleRole.BUTTON, c.text(Msg.FEATURE_LICENCE_PRINT));
        identify(c, "licence-row-0");
        w.awaitShown("licence-row-0");
        w.shot("list");
        w.tap(waitingRow(c, true));
        w.awaitShown("licence-preview-page");
        w.shot("preview");
        w.tapNamed(AccessibleRole.BUTTON, c.text(Msg.LICENCE_PRINT));
        w.step("wait for the licence to come out");
        w.awaitShown("licence-done-text");
        w.shot("printed");
        w.tap("nav-back");
        w.awaitShown("licence-row-0");
        w.shot("list-collected");
    }

    private static void postal(Context c) throws Walker.Stopped {
        Walker w = c.walker();
        start(c);
        w.tapNamed(AccessibleRole.BUTTON, c.text(Msg.FEATURE_LICENCE_PRINT));
        identifyByApp(c, "licence-row-0");
        w.awaitShown("licence-row-0");
        w.tap(waitingRow(c, false));
        String mail = w.awaitAnyShown("licence-mail", "licence-mail-only");
        w.shot("licence");
        w.tap(mail);
        w.step("the address from the ID card");
        w.awaitShown("address-confirm");
        w.shot("address");
        w.tap("address-confirm");
        w.awaitShown("postal-phone-field");
        if (w.text("postal-phone-field").isBlank()) {
            w.tap("postal-phone-field");
            Keys.type(w, "13812345678");
            w.shot("phone");
        }
        w.tap("postal-phone-next");
        w.awaitShown("postal-confirm");
        w.shot("confirm");
        w.tap("postal-confirm");
        w.step("wait for the tracking number");
        w.awaitText("postal-tracking", "the tracking number on screen", t -> !t.isBlank());
        w.step("wait for the postal receipt");
        w.awaitText("postal-receipt", "the postal receipt printed", t -> t.equals(c.text(Msg.POSTAL_RECEIPT_PRINTED)));
        w.shot("mailed");
    }

    /**
     * The first licence of the list that waits to be collected: one printed here ({@code printable})
     * or, for the post, any (the last such: the first may have been printed by the licences flow).
     */
    private static String waitingRow(Context c, boolean printable) throws Walker.Stopped {
        Walker w = c.walker();
        String here = c.text(Msg.LICENCE_STATUS_WAITING);
        String window = c.text(Msg.LICENCE_STATUS_WAITING_WINDOW);
        String found = null;
        for (int i = 0; w.isShown("licence-status-" + i); i++) {
            String status = w.text("licence-status-" + i);
            if (status.equals(here) || (!printable && status.equals(window))) {
                found = "licence-row-" + i;
                if (printable) {
                    break;
                }
            }
        }
        if (found == null) {
            throw new Walker.Stopped(w.step(), "no licence waiting to be collected in the list");
        }
        return found;
    }

    private static void guide(Context c) throws Walker.Stopped {
        Walker w = c.walker();
        start(c);
        w.tap("tile-service_guide");
        w.awaitShown("guide-entry-zero-trip");
        w.shot("start");
        w.tap("guide-entry-zero-trip");
        w.awaitShown("guide-item-0");
        w.shot("zero-trip-list");
        w.tap("nav-back");
        w.tap("guide-browse-life-event");
        w.awaitShown("guide-group-0");
        w.shot("life-events");
        w.tap("nav-back");
        w.tap("guide-search-open");
        w.tap("guide-query");
        Keys.type(w, "yyzz");
        w.step("wait for the search results");
        w.awaitShown("guide-hit-0");
        w.shot("search");
        w.tap("guide-hit-0");
        w.awaitShown("item-name");
        w.shot("item");
        w.tap("item-print-guide");
        w.step("wait for the guide to come out");
        w.awaitText("item-print-status", "the guide printed", t -> printed(c, t));
        w.shot("printed");
    }

    private static boolean printed(Context c, String status) {
        return c.ui().guide()
                        .map(g -> g.printStateProperty().get().name().equals("PRINTED"))
                        .orElse(false)
                && !status.isBlank();
    }

    private static void apply(Context c) throws Walker.Stopped {
        ApplyWalk.walk(c);
    }

    // enterprise
    /** A company of the simulator's register, by its code; the code with its last character wrong. */
    static final String ENTERPRISE_CODE = "91110101MA0E3PWQ0E";

    static final String ENTERPRISE_CODE_WRONG = "91110101MA0E3PWQ0A";
    /** Part of a name, in pinyin: 科技, in the names of several companies of the register. */
    static final String ENTERPRISE_NAME_PINYIN = "keji";

    private static void enterprise(Context c) throws Walker.Stopped {
        Walker w = c.walker();
        start(c);
        w.tapNamed(AccessibleRole.BUTTON, c.text(Msg.FEATURE_ENTERPRISE_INFO));
        w.awaitShown("enterprise-by-code");
        w.shot("choose");
        w.tap("enterprise-by-code");
        // a slip in the last character: said before anything is asked, the keyboard stepping aside
        Keys.type(w, ENTERPRISE_CODE_WRONG);
        w.shot("code-typed");
        w.tap("enterprise-code-look-up");
        w.step("wait for what is wrong with the code");
        w.awaitText("enterprise-code-problem", "the check character's problem", t -> !t.isBlank());
        w.shot("code-check-character");
        w.tap("enterprise-code-field");
        w.awaitShown("key-clear");
        w.tap("key-clear");
        Keys.type(w, ENTERPRISE_CODE);
        w.tap("enterprise-code-look-up");
        w.step("wait for the register's answer");
        w.awaitShown("enterprise-result-name");
        w.shot("result");
        w.tap("enterprise-print");
        w.step("wait for the page to come out");
        w.awaitText("enterprise-print-status", "the page printed", t -> enterprisePrinted(c) && !t.isBlank());
        w.shot("printed");
        // by name: back to the way in, part of the name, the matches, one chosen
        w.tap("nav-back");
        w.awaitShown("enterprise-code-field");
        w.tap("nav-back");
        w.awaitShown("enterprise-by-name");
        w.tap("enterprise-by-name");
        Keys.chinese(w, ENTERPRISE_NAME_PINYIN);
        w.shot("name-typed");
        w.tap("enterprise-name-look-up");
        w.step("wait for the matches");
        w.awaitShown("enterprise-match-0");
        w.shot("matches");
        w.tap("enterprise-match-0");
        w.awaitShown("enterprise-result-name");
        w.shot("chosen");
    }

    private static boolean enterprisePrinted(Context c) {
        return c.ui().enterprise()
                .map(e -> e.printStateProperty().get() == EnterpriseViewModel.PrintState.PRINTED)
                .orElse(false);
    }

    // ---- steps many flows share ---------------------------------------------------------------

    /** From the attract screen (photographed: the elderly switch is on it) to the home screen. */
    static void start(Context c) throws Walker.Stopped {
        Walker w = c.walker();
        w.awaitShown("touch-to-start");
        w.shot("attract");
        w.tapNamed(AccessibleRole.BUTTON, c.text(Msg.ATTRACT_TOUCH_TO_START));
        w.awaitShown("home");
        w.shot("home");
    }

    /**
     * 扫码登录 instead of the card: the demo shows the scanner a fresh code of the demo citizen from
     * the province app (the embedded platform plays the province), the platform resolves it.
     */
    static void identifyByApp(Context c, String next) throws Walker.Stopped {
        Walker w = c.walker();
        w.step("the login step, by the app's code, or #" + next);
        if (w.awaitAnyShown("id-login-demo-app", next).equals(next)) {
            return;
        }
        w.shot("login-app");
        w.tap("id-login-demo-app");
        w.step("the platform resolves the app's code");
        w.awaitShown("id-login-continue");
        w.shot("login-app-done");
        w.tapNamed(AccessibleRole.BUTTON, c.text(Msg.LOGIN_CONTINUE));
    }

    /**
     * The ID card step, if the flow asks for it: the demo's card on the reader, the masked name
     * shown, continue; {@code next} is a control of the screen after it (shown at once when the flow
     * needs no card).
     */
    static void identify(Context c, String next) throws Walker.Stopped {
        Walker w = c.walker();
        w.step("the ID card step or #" + next);
        if (w.awaitAnyShown("id-login-demo-card", next).equals(next)) {
            return;
        }
        w.shot("id-card");
        w.tap("id-login-demo-card");
        w.awaitShown("id-login-continue");
        w.shot("id-card-read");
        w.tapNamed(AccessibleRole.BUTTON, c.text(Msg.LOGIN_CONTINUE));
    }
}
