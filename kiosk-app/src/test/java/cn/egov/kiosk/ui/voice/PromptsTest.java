package cn.egov.kiosk.ui.voice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.Screen;
import cn.egov.kiosk.ui.appointment.BookViewModel;
import cn.egov.kiosk.ui.appointment.MineViewModel;
import cn.egov.kiosk.ui.checkin.CheckInViewModel;
import cn.egov.kiosk.ui.enterprise.EnterpriseViewModel;
import cn.egov.kiosk.ui.idlogin.IdLoginViewModel;
import cn.egov.kiosk.ui.licence.LicenceViewModel;
import cn.egov.kiosk.ui.progress.ProgressViewModel;
import cn.egov.kiosk.ui.ticket.TicketViewModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Every screen a citizen works on has its spoken prompts, in Chinese and in English. */
class PromptsTest {
    private static final ResourceBundle ZH = I18n.load(Locale.SIMPLIFIED_CHINESE);
    private static final ResourceBundle EN = I18n.load(Locale.ENGLISH);

    @Test
    void everyScreenButTheAttractScreenHasItsPromptInBothLanguages() {
        Map<Screen, List<Msg>> all = Prompts.all();
        assertThat(all.keySet()).containsExactlyInAnyOrder(Screen.values());
        all.forEach((screen, prompts) -> {
            if (screen == Screen.ATTRACT) {
                assertThat(prompts)
                        .as("the attract screen does not talk to an empty hall")
                        .isEmpty();
                return;
            }
            assertThat(prompts).as("%s has something to say", screen).isNotEmpty();
            for (Msg m : prompts) {
                assertThat(m.name()).startsWith("VOICE_");
                String zh = ZH.getString(m.key());
                String en = EN.getString(m.key());
                assertThat(zh).as("%s in Chinese", m).isNotBlank().containsPattern("\\p{IsHan}");
                assertThat(en).as("%s in English", m).isNotBlank().doesNotContainPattern("\\p{IsHan}");
                // a prompt is a sentence said aloud: it ends like one
                assertThat(zh).as("%s", m).endsWith("。");
                assertThat(en).as("%s", m).matches(".*[.?]$");
            }
        });
    }

    @Test
    void theSameStepsSayTheSameWordsEveryTime() {
        assertThat(Prompts.ticket(TicketViewModel.Step.DONE)).isEqualTo(Msg.VOICE_TICKET_DONE);
        assertThat(Prompts.licence(LicenceViewModel.Step.DONE)).isEqualTo(Msg.VOICE_LICENCE_DONE);
        assertThat(Prompts.idLogin(IdLoginViewModel.Step.WAITING)).isEqualTo(Msg.VOICE_ID_WAITING);
        // appointments
        assertThat(Prompts.appointment(BookViewModel.Step.DONE)).isEqualTo(Msg.VOICE_APPOINTMENT_DONE);
        assertThat(Prompts.myAppointments(MineViewModel.Step.CANCELLED)).isEqualTo(Msg.VOICE_MINE_CANCELLED);
        assertThat(Prompts.checkIn(CheckInViewModel.Step.DONE)).isEqualTo(Msg.VOICE_CHECKIN_DONE);
    }

    @Test
    void everyStepOfTheAppointmentScreensThatTheCitizenSeesSaysSomething() {
        for (BookViewModel.Step s : BookViewModel.Step.values()) {
            if (s != BookViewModel.Step.IDENTIFYING) { // the login step, another screen, speaks then
                assertThat(Prompts.appointment(s)).as("%s", s).isNotNull();
            }
        }
        for (MineViewModel.Step s : MineViewModel.Step.values()) {
            assertThat(Prompts.myAppointments(s)).as("%s", s).isNotNull();
        }
        for (CheckInViewModel.Step s : CheckInViewModel.Step.values()) {
            assertThat(Prompts.checkIn(s)).as("%s", s).isNotNull();
        }
        // progress: every step speaks, and the receipt's step says where its code is
        assertThat(Prompts.all().get(Screen.PROGRESS))
                .hasSize(ProgressViewModel.Step.values().length + ProgressViewModel.PrintState.values().length - 1);
        assertThat(Prompts.progress(ProgressViewModel.Step.SCAN)).isEqualTo(Msg.VOICE_PROGRESS_SCAN);
    }

    @Test
    void everyStepOfTheEnterpriseScreenSaysSomething() {
        // enterprise: each step speaks; printing only once asked for
        assertThat(Prompts.all().get(Screen.ENTERPRISE))
                .hasSize(EnterpriseViewModel.Step.values().length + EnterpriseViewModel.PrintState.values().length - 1)
                .doesNotHaveDuplicates();
        assertThat(Prompts.enterprise(EnterpriseViewModel.Step.CODE)).isEqualTo(Msg.VOICE_ENTERPRISE_CODE);
        assertThat(Prompts.enterprisePrint(EnterpriseViewModel.PrintState.IDLE)).isNull();
    }
}
