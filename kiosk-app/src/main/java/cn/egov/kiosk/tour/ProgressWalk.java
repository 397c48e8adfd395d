package cn.egov.kiosk.tour;

import cn.egov.kiosk.device.sim.Simulator;
import cn.egov.kiosk.sync.PlatformServices;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.progress.ProgressViewModel;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.AccessibleRole;

/**
 * 办件进度 as citizens do it. First by the ID card: the way in chosen, the demo card on the reader,
 * the citizen's applications, and each of the first five opened (the demo citizen's: waiting to
 * be collected, collected, refused, in review, mailed), the first one's progress slip printed and
 * its number noted as its receipt would carry it. Then a new citizen at the
 * home screen scans that receipt's code, without a login, and sees the same application; with the
 * platform taken away the same receipt says plainly that the latest progress cannot be looked up,
 * and once it is back "try again" shows it.
 */
final class ProgressWalk {
    /** The numbers the screen shows: the platform's (SQ…) or the kiosk's reference (KS-…). */
    private static final Pattern NUMBER = Pattern.compile("SQ\\d{14}|KS-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}");
    /** How many of the citizen's applications the walk opens. */
    private static final int OPENED = 5;

    private ProgressWalk() {}

    static void walk(Flows.Context c) throws Walker.Stopped {
        Walker w = c.walker();
        Flows.start(c);
        w.tapNamed(AccessibleRole.BUTTON, c.text(Msg.FEATURE_PROGRESS));
        w.awaitShown("progress-by-person");
        w.shot("choose");
        if (w.isShown("progress-by-receipt")) {
            w.tap("progress-by-receipt");
            w.awaitShown("progress-scan-picture");
            w.shot("scan-receipt");
            w.tap("nav-back");
        }
        w.tap("progress-by-person");
        Flows.identify(c, "progress-list-title");
        w.step("wait for the citizen's applications");
        w.awaitShown("progress-list-title");
        w.shot("list");
        String number = null;
        for (int i = 0; i < OPENED; i++) {
            if (!w.isShown("progress-row-" + i)) {
                break;
            }
            w.tap("progress-row-" + i);
            w.awaitShown("progress-item");
            w.shot("application-" + (i + 1));
            if (number == null) {
                number = numberShown(w);
                if (w.isShown("progress-print")) { // the first one's progress slip, to take home
                    w.tap("progress-print");
                    w.step("wait for the progress slip to come out");
                    w.awaitText("progress-print-status", "the progress slip printed", t -> slipPrinted(c));
                    w.shot("slip-printed");
                }
            }
            w.tap("nav-back");
            w.awaitShown("progress-list-title");
        }
        if (number == null) {
            throw new Walker.Stopped(w.step(), "no application's number was shown");
        }

        // another citizen, a receipt in hand: scanned at the home screen, no login
        w.tap("nav-exit");
        Flows.start(c);
        w.step("scan the receipt's code " + number);
        scan(c, number);
        String code = number;
        w.awaitText("progress-number", "the scanned receipt's application", t -> t.contains(code));
        w.shot("scanned");

        // the platform away: the same receipt says plainly that the latest progress cannot be looked
        // up now, and what still works; back, "try again" shows it
        Simulator platform = simulator(c, "down", "the embedded platform to take away");
        platform.apply("down", "300");
        try {
            w.tap("nav-back");
            w.awaitShown("progress-by-person");
            w.step("scan the receipt's code with the platform away");
            scan(c, number);
            // nothing held here: the page that says so; an application made here: what the kiosk holds, under a banner
            w.awaitAnyShown("progress-offline-title", "progress-detail-offline");
            w.shot("platform-away");
        } finally {
            platform.apply("up", "");
        }
        w.step("the platform back");
        c.runtime().platform().ifPresent(PlatformServices::checkNow);
        w.tapAny("progress-retry", "progress-detail-retry");
        w.awaitText("progress-number", "the receipt's application, the platform back", t -> t.contains(code));
        w.step("the platform's answer, not the kiosk's own");
        w.await(
                "the offline banner gone",
                () -> c.ui().progress().filter(p -> !p.offlineProperty().get()).map(p -> true));
    }

    private static boolean slipPrinted(Flows.Context c) {
        return c.ui().progress()
                .map(p -> p.printStateProperty().get() == ProgressViewModel.PrintState.PRINTED)
                .orElse(false);
    }

    private static String numberShown(Walker w) throws Walker.Stopped {
        Matcher m = NUMBER.matcher(w.text("progress-number"));
        return m.find() ? m.group() : null;
    }

    /** Shows the code to the kiosk's simulated scanner, as a receipt held to it would be. */
    private static void scan(Flows.Context c, String code) throws Walker.Stopped {
        simulator(c, "scan", "a scanner to scan a receipt with").apply("scan", code);
    }

    /** The simulator that takes {@code command}: the scanner, the embedded platform. */
    private static Simulator simulator(Flows.Context c, String command, String what) throws Walker.Stopped {
        for (Simulator sim : c.runtime().simulators().all()) {
            if (sim.commands().containsKey(command)) {
                return sim;
            }
        }
        throw new Walker.Stopped(c.walker().step(), "the kiosk has no " + what);
    }
}
