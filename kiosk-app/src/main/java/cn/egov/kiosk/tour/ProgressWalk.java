package cn.egov.kiosk.tour;

import cn.egov.kiosk.device.sim.Simulator;
import cn.egov.kiosk.ui.Msg;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.AccessibleRole;

/**
 * 办件进度 as citizens do it. First by the ID card: the way in chosen, the demo card on the reader,
 * the citizen's applications, and each of the first three opened (in review; waiting to be
 * collected; mailed), its number noted as the receipt would carry it. Then a new citizen at the
 * home screen scans that receipt's code, without a login, and sees the same application.
 */
final class ProgressWalk {
    /** The numbers the screen shows: the platform's (SQ…) or the kiosk's reference (KS-…). */
    private static final Pattern NUMBER = Pattern.compile("SQ\\d{14}|KS-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}");
    /** How many of the citizen's applications the walk opens. */
    private static final int OPENED = 3;

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
    }

    private static String numberShown(Walker w) throws Walker.Stopped {
        Matcher m = NUMBER.matcher(w.text("progress-number"));
        return m.find() ? m.group() : null;
    }

    /** Shows the code to the kiosk's simulated scanner, as a receipt held to it would be. */
    private static void scan(Flows.Context c, String code) throws Walker.Stopped {
        for (Simulator sim : c.runtime().simulators().all()) {
            if (sim.commands().containsKey("scan")) {
                sim.apply("scan", code);
                return;
            }
        }
        throw new Walker.Stopped(c.walker().step(), "the kiosk has no scanner to scan a receipt with");
    }
}
