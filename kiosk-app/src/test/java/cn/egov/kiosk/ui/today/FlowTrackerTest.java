package cn.egov.kiosk.ui.today;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.today.FlowLog;
import cn.egov.kiosk.ui.Navigator;
import cn.egov.kiosk.ui.Screen;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/** Flows as the screens show them: the login step belongs to its flow; the end shown is DONE, anything else LEFT. */
class FlowTrackerTest {
    private final List<String> events = new ArrayList<>();
    private final FlowLog log = new FlowLog() {
        @Override
        public void started(String flow) {
            events.add("start " + flow);
        }

        @Override
        public void ended(String flow, String outcome) {
            events.add("end " + flow + " " + outcome);
        }
    };
    private final Navigator navigator = new Navigator();
    private final SimpleBooleanProperty finished = new SimpleBooleanProperty(false);

    @Test
    void aFlowStartsOnItsScreenAndEndsDoneOrLeft() {
        new FlowTracker(log, navigator, finished);

        navigator.go(Screen.HOME);
        navigator.go(Screen.LICENCE);
        navigator.go(Screen.ID_LOGIN); // the licences ask for the card
        navigator.go(Screen.LICENCE);
        finished.set(true); // printed
        finished.set(false);
        navigator.go(Screen.HOME);
        navigator.go(Screen.TICKET);
        navigator.go(Screen.GUIDE); // another flow before the end
        navigator.go(Screen.APPLY);
        navigator.reset(); // the session ends

        assertThat(events)
                .containsExactly(
                        "start licence",
                        "end licence DONE",
                        "start ticket",
                        "end ticket LEFT",
                        "start guide",
                        "end guide LEFT",
                        "start apply",
                        "end apply LEFT");
    }
}
