package cn.egov.kiosk.ui.today;

import cn.egov.kiosk.today.FlowLog;
import cn.egov.kiosk.ui.Navigator;
import cn.egov.kiosk.ui.Screen;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

/**
 * Tells the day's figures when a citizen flow starts and ends, from the screens shown: a flow is
 * each citizen screen (取号, 证照打印, 自助申办...); it starts when its screen is reached from another,
 * the login step in between belonging to it; it ends {@link FlowLog#DONE} when the flow's end shows
 * (the finished countdown starts), else {@link FlowLog#LEFT} when another flow's screen, home or the
 * attract screen (the session's end) comes first. Flows without a finished countdown (社保缴费,
 * 企业信息查询, 办事指南, 办件进度) say their own end: {@link #doneWhen}. The flow's name only, never
 * who. On the JavaFX thread.
 */
public final class FlowTracker {
    private final FlowLog log;
    private Optional<Screen> open = Optional.empty();

    /**
     * @param finished true while a flow's end shows (its countdown runs)
     */
    public FlowTracker(FlowLog log, Navigator navigator, ObservableBooleanValue finished) {
        this.log = log;
        navigator.currentProperty().addListener((obs, was, now) -> shown(now));
        finished.addListener((obs, was, now) -> {
            if (now) {
                end(FlowLog.DONE);
            }
        });
    }

    /**
     * A flow whose end is not the finished countdown: it ends {@link FlowLog#DONE} when {@code value}
     * becomes one of {@code ends} while that flow is open (once: later changes record nothing).
     */
    public <T> void doneWhen(Screen flow, ObservableValue<T> value, Set<T> ends) {
        value.addListener((obs, was, now) -> {
            if (now != null && ends.contains(now)) {
                done(flow);
            }
        });
    }

    /** The flow {@code flow} reached its end, if it is the one open. */
    public void done(Screen flow) {
        if (open.isPresent() && open.get() == flow) {
            end(FlowLog.DONE);
        }
    }

    /** Whether a screen is a citizen flow's. */
    static boolean isFlow(Screen s) {
        return TodayPanelViewModel.flowMsg(s).isPresent();
    }

    /** The name a flow is recorded by ({@code TICKET} → {@code ticket}). */
    public static String name(Screen s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private void shown(Screen now) {
        if (now == Screen.ID_LOGIN) {
            return; // the login step belongs to the flow that asked for it
        }
        if (!isFlow(now)) {
            end(FlowLog.LEFT);
            return;
        }
        if (open.isPresent() && open.get() == now) {
            return;
        }
        end(FlowLog.LEFT);
        open = Optional.of(now);
        log.started(name(now));
    }

    private void end(String outcome) {
        open.ifPresent(s -> log.ended(name(s), outcome));
        open = Optional.empty();
    }
}
