package cn.egov.kiosk.ui.today;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.today.FlowLog;
import cn.egov.kiosk.ui.Navigator;
import cn.egov.kiosk.ui.Screen;
import cn.egov.kiosk.ui.enterprise.EnterpriseViewModel;
import cn.egov.kiosk.ui.guide.GuideViewModel;
import cn.egov.kiosk.ui.pay.FeeStepViewModel;
import cn.egov.kiosk.ui.progress.ProgressViewModel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
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

    @Test
    void flowsWithoutACountdownEndDoneWhenTheirEndShows() {
        FlowTracker tracker = new FlowTracker(log, navigator, finished);
        var fee = new SimpleObjectProperty<>(FeeStepViewModel.Step.CHOOSE);
        var enterprise = new SimpleObjectProperty<>(EnterpriseViewModel.Step.CHOOSE);
        var enterprisePrint = new SimpleObjectProperty<>(EnterpriseViewModel.PrintState.IDLE);
        var progress = new SimpleObjectProperty<>(ProgressViewModel.Step.CHOOSE);
        var guide = new SimpleObjectProperty<>(GuideViewModel.Step.START);
        tracker.doneWhen(
                Screen.INSURANCE, fee, EnumSet.of(FeeStepViewModel.Step.PAID, FeeStepViewModel.Step.ALREADY_PAID));
        tracker.doneWhen(Screen.ENTERPRISE, enterprise, EnumSet.of(EnterpriseViewModel.Step.RESULT));
        tracker.doneWhen(Screen.ENTERPRISE, enterprisePrint, EnumSet.of(EnterpriseViewModel.PrintState.PRINTED));
        tracker.doneWhen(Screen.PROGRESS, progress, EnumSet.of(ProgressViewModel.Step.DETAIL));
        tracker.doneWhen(Screen.GUIDE, guide, EnumSet.of(GuideViewModel.Step.ITEM));

        navigator.go(Screen.HOME);
        navigator.go(Screen.INSURANCE);
        navigator.go(Screen.ID_LOGIN);
        navigator.go(Screen.INSURANCE);
        fee.set(FeeStepViewModel.Step.QR);
        fee.set(FeeStepViewModel.Step.PAID); // a successful payment: DONE, not LEFT
        navigator.go(Screen.HOME);
        navigator.go(Screen.INSURANCE);
        fee.set(FeeStepViewModel.Step.CHOOSE);
        fee.set(FeeStepViewModel.Step.ALREADY_PAID); // paid before: done too
        navigator.go(Screen.ENTERPRISE);
        enterprise.set(EnterpriseViewModel.Step.SEARCHING);
        enterprise.set(EnterpriseViewModel.Step.RESULT);
        enterprisePrint.set(EnterpriseViewModel.PrintState.PRINTED); // the same flow: recorded once
        navigator.go(Screen.ENTERPRISE);
        navigator.go(Screen.HOME);
        navigator.go(Screen.ENTERPRISE);
        enterprisePrint.set(EnterpriseViewModel.PrintState.IDLE);
        enterprisePrint.set(EnterpriseViewModel.PrintState.PRINTED); // printed: done
        navigator.go(Screen.PROGRESS);
        progress.set(ProgressViewModel.Step.SEARCHING);
        progress.set(ProgressViewModel.Step.DETAIL);
        navigator.go(Screen.GUIDE);
        guide.set(GuideViewModel.Step.LIST);
        fee.set(FeeStepViewModel.Step.PAID); // another flow's end while the guide is open: nothing
        guide.set(GuideViewModel.Step.ITEM);
        navigator.go(Screen.PROGRESS);
        progress.set(ProgressViewModel.Step.CHOOSE); // no result shown
        navigator.reset();

        assertThat(events)
                .containsExactly(
                        "start insurance",
                        "end insurance DONE",
                        "start insurance",
                        "end insurance DONE",
                        "start enterprise",
                        "end enterprise DONE",
                        "start enterprise",
                        "end enterprise DONE",
                        "start progress",
                        "end progress DONE",
                        "start guide",
                        "end guide DONE",
                        "start progress",
                        "end progress LEFT");
    }
}
