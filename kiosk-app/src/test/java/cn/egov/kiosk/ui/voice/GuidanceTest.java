package cn.egov.kiosk.ui.voice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.Screen;
import cn.egov.kiosk.ui.theme.ThemeManager;
import cn.egov.kiosk.ui.theme.Themes;
import cn.egov.kiosk.ui.ticket.TicketViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/**
 * When the kiosk speaks, and what: the step's words on the screen shown, in its language, on by
 * default in elderly mode only, on and off and louder from the sound panel, back to the defaults
 * for the next citizen.
 */
class GuidanceTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    /** What would have been spoken, and the volume set. */
    static final class Heard implements VoiceOut {
        final List<String> said = new ArrayList<>();
        int stops;
        int volume = -1;

        @Override
        public void say(String text, Locale locale) {
            said.add(locale.getLanguage() + ": " + text);
        }

        @Override
        public void stop() {
            stops++;
        }

        @Override
        public void volume(int level) {
            volume = level;
        }

        @Override
        public Optional<String> problem() {
            return Optional.empty();
        }
    }

    private final I18n i18n = new I18n(List.of(ZH, Locale.ENGLISH));
    private final ThemeManager themes = new ThemeManager(Themes.STANDARD, Themes.ELDERLY, Themes.STANDARD);
    private final ObjectProperty<Screen> current = new SimpleObjectProperty<>(Screen.ATTRACT);
    private final ObjectProperty<TicketViewModel.Step> ticketStep =
            new SimpleObjectProperty<>(TicketViewModel.Step.CHOOSING);
    private final Heard out = new Heard();
    private final Guidance guidance = new Guidance(i18n, themes, current, out, 3);

    {
        guidance.watch(Screen.TICKET, ticketStep, Prompts::ticket);
    }

    @Test
    void theStandardModeIsSilentUntilTheCitizenTurnsTheVoiceOn() {
        current.set(Screen.HOME);
        current.set(Screen.TICKET);
        assertThat(out.said).isEmpty();

        guidance.toggle();
        // turned on: where the citizen is, said at once
        assertThat(out.said).containsExactly("zh: " + i18n.text(Msg.VOICE_TICKET_CHOOSING));
        ticketStep.set(TicketViewModel.Step.PRINTING);
        assertThat(out.said).last().isEqualTo("zh: 正在打印号票，请稍候。");
    }

    @Test
    void elderlyModeSpeaksEachStepOfTheScreenShownInItsLanguage() {
        themes.toggleElderly();
        assertThat(guidance.onProperty().get()).isTrue();
        current.set(Screen.HOME);
        assertThat(out.said).containsExactly("zh: 请选择您要办理的业务。");

        // another screen's steps are not spoken
        ticketStep.set(TicketViewModel.Step.PRINTING);
        assertThat(out.said).hasSize(1);
        // the screen comes up: its current step
        current.set(Screen.TICKET);
        assertThat(out.said).last().isEqualTo("zh: 正在打印号票，请稍候。");
        ticketStep.set(TicketViewModel.Step.DONE);
        assertThat(out.said).last().isEqualTo("zh: 取号成功，请取走您的号票，留意叫号。");

        // the language switched: the same words again, in English
        i18n.setLocale(Locale.ENGLISH);
        assertThat(out.said).last().isEqualTo("en: Here is your ticket. Please take it and listen for your number.");
    }

    @Test
    void theVoiceStopsWhenTurnedOffAndTheVolumeStaysWithinItsSteps() {
        themes.toggleElderly();
        assertThat(out.volume).isEqualTo(3);
        current.set(Screen.HOME);
        int stopsBefore = out.stops;
        guidance.toggle();
        assertThat(out.stops).isEqualTo(stopsBefore + 1);
        current.set(Screen.TICKET);
        assertThat(out.said).hasSize(1);

        guidance.toggle();
        for (int i = 0; i < 10; i++) {
            guidance.louder();
        }
        assertThat(guidance.volumeProperty().get()).isEqualTo(Guidance.MAX_VOLUME);
        assertThat(out.volume).isEqualTo(Guidance.MAX_VOLUME);
        for (int i = 0; i < 10; i++) {
            guidance.quieter();
        }
        // never down to nothing: off is the switch's job
        assertThat(guidance.volumeProperty().get()).isEqualTo(1);
    }

    @Test
    void theNextCitizenStartsWithTheDefaultsInSilence() {
        themes.toggleElderly();
        current.set(Screen.HOME);
        guidance.louder();
        guidance.openPanel();
        int heard = out.said.size();

        guidance.reset();
        themes.reset(Themes.STANDARD);
        current.set(Screen.ATTRACT);

        assertThat(out.said).as("nothing said while resetting").hasSize(heard);
        assertThat(guidance.onProperty().get()).isFalse();
        assertThat(guidance.volumeProperty().get()).isEqualTo(3);
        assertThat(guidance.panelOpenProperty().get()).isFalse();
    }
}
