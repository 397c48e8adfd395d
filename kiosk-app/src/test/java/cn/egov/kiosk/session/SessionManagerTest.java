package cn.egov.kiosk.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class SessionManagerTest {
    private static final Session.Key<String> NAME = new Session.Key<>("name", String.class);
    private static final Session.Key<Secret> SECRET = new Session.Key<>("secret", Secret.class);

    /** Personal data that must be overwritten, as an ID card's text would be. */
    static final class Secret implements Session.Wipeable {
        final char[] chars;
        int wipes;

        Secret(String text) {
            chars = text.toCharArray();
        }

        @Override
        public void wipe() {
            Arrays.fill(chars, '\0');
            wipes++;
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T06:00:00Z"));
    private final List<String> events = new ArrayList<>();
    private SessionManager sessions;

    @BeforeEach
    void create() {
        sessions = new SessionManager(clock, Duration.ofSeconds(60), Duration.ofSeconds(30));
        sessions.addListener(new SessionListener() {
            @Override
            public void started(Session session) {
                events.add("started");
            }

            @Override
            public void warning(Session session, int secondsLeft) {
                events.add("warning " + secondsLeft);
            }

            @Override
            public void warningDismissed(Session session) {
                events.add("dismissed");
            }

            @Override
            public void ended(Session session, EndReason reason) {
                events.add("ended " + reason + (session.isEmpty() ? ", wiped" : ", NOT wiped"));
            }
        });
    }

    private void after(Duration d) {
        clock.advance(d);
        sessions.tick();
    }

    @Test
    void theWarningComesAfterTheTimeoutAndCountsDown() {
        Session s = sessions.start(Locale.SIMPLIFIED_CHINESE);
        assertThat(s.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(s.startedAt()).isEqualTo(clock.instant());

        after(Duration.ofSeconds(59));
        assertThat(sessions.phase()).isEqualTo(SessionManager.Phase.ACTIVE);
        after(Duration.ofSeconds(1));
        assertThat(sessions.phase()).isEqualTo(SessionManager.Phase.WARNING);
        after(Duration.ofSeconds(1));
        after(Duration.ofMillis(500));
        after(Duration.ofMillis(500));
        after(Duration.ofSeconds(26));

        assertThat(events)
                .containsExactly("started", "warning 30", "warning 29", "warning 29", "warning 28", "warning 2");
        assertThat(sessions.current()).contains(s);
    }

    @Test
    void anOlderCitizenGetsTwiceTheTimeBeforeTheWarningAndDuringIt() {
        sessions.start(Locale.SIMPLIFIED_CHINESE);
        sessions.patience(2);

        after(Duration.ofSeconds(119));
        assertThat(sessions.phase()).isEqualTo(SessionManager.Phase.ACTIVE);
        after(Duration.ofSeconds(1));
        assertThat(events).containsExactly("started", "warning 60");
        after(Duration.ofSeconds(59));
        assertThat(sessions.current()).isPresent();
        after(Duration.ofSeconds(1));
        assertThat(events).last().isEqualTo("ended INACTIVITY, wiped");
        assertThatThrownBy(() -> sessions.patience(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTouchDismissesTheWarningAndRestartsTheTimer() {
        sessions.start(Locale.ENGLISH);
        after(Duration.ofSeconds(65));

        sessions.touch();

        assertThat(sessions.phase()).isEqualTo(SessionManager.Phase.ACTIVE);
        after(Duration.ofSeconds(59));
        assertThat(events).containsExactly("started", "warning 25", "dismissed");
        sessions.touch(); // no warning showing: nothing to dismiss
        assertThat(events).hasSize(3);
    }

    @Test
    void theEndOfTheWarningEndsTheSessionAndWipesIt() {
        Session s = sessions.start(Locale.SIMPLIFIED_CHINESE);
        Secret secret = new Secret("330106199001011234");
        s.put(NAME, "张三");
        s.put(SECRET, secret);
        after(Duration.ofSeconds(60));
        after(Duration.ofSeconds(29));
        assertThat(sessions.current()).isPresent();

        after(Duration.ofSeconds(1));

        assertThat(events).containsExactly("started", "warning 30", "warning 1", "ended INACTIVITY, wiped");
        assertThat(s.ended()).isTrue();
        assertThat(secret.wipes).isEqualTo(1);
        assertThat(new String(secret.chars)).isEqualTo("\0".repeat(18));
        assertThat(s.get(NAME)).isEmpty();
        assertThat(s.get(SECRET)).isEmpty();
        assertThat(s.isEmpty()).isTrue();
        assertThatThrownBy(() -> s.put(NAME, "李四"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has ended");
        assertThat(sessions.current()).isEmpty();
        assertThat(sessions.phase()).isEqualTo(SessionManager.Phase.NONE);
        after(Duration.ofSeconds(120)); // no session: nothing more happens
        sessions.touch();
        assertThat(events).hasSize(4);
    }

    @Test
    void aLongSilenceEndsTheSessionAtTheFirstTick() {
        sessions.start(Locale.SIMPLIFIED_CHINESE);

        after(Duration.ofMinutes(10)); // the screen was asleep, say

        assertThat(events).containsExactly("started", "ended INACTIVITY, wiped");
    }

    @Test
    void startingWhileASessionIsOpenEndsTheOldOne() {
        Session first = sessions.start(Locale.SIMPLIFIED_CHINESE);
        first.put(NAME, "张三");

        Session second = sessions.start(Locale.ENGLISH);

        assertThat(first.ended()).isTrue();
        assertThat(first.get(NAME)).isEmpty();
        assertThat(second.ended()).isFalse();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(sessions.current()).contains(second);
        assertThat(events).containsExactly("started", "ended EXPLICIT_EXIT, wiped", "started");
    }

    @Test
    void anExplicitEndWipesAtOnce() {
        Session s = sessions.start(Locale.SIMPLIFIED_CHINESE);
        s.put(NAME, "张三");

        sessions.end(EndReason.EXPLICIT_EXIT);
        sessions.end(EndReason.STAFF); // nothing left to end

        assertThat(s.get(NAME)).isEmpty();
        assertThat(events).containsExactly("started", "ended EXPLICIT_EXIT, wiped");
    }

    @Test
    void aWarningShorterThanTwentySecondsIsRefused() {
        assertThatThrownBy(() -> new SessionManager(clock, Duration.ofSeconds(60), Duration.ofSeconds(19)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 20 s");
        assertThatThrownBy(() -> new SessionManager(clock, Duration.ofSeconds(60), Duration.ofMillis(19_999)))
                .isInstanceOf(IllegalArgumentException.class);
        new SessionManager(clock, Duration.ofSeconds(60), Duration.ofSeconds(20)); // the least allowed
    }

    @Test
    void sessionIdsCarryNoPersonalData() {
        Session s = sessions.start(Locale.SIMPLIFIED_CHINESE);
        s.put(NAME, "张三");

        assertThat(s.id()).matches("[0-9a-f-]{36}");
        assertThat(s.toString()).isEqualTo("Session[" + s.id() + "]");
    }

    @Test
    void aSessionStartsOnTheJavaFxThreadWithoutWaitingThereAndGetsARandomUuid() throws Exception {
        FxToolkit.registerPrimaryStage(); // BlockHound watches its thread in the tests (FxThreadWatch)
        CompletableFuture<List<String>> ids = new CompletableFuture<>();

        Platform.runLater(() -> {
            try {
                List<String> started = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    started.add(sessions.start(Locale.SIMPLIFIED_CHINESE).id()); // the citizen's touch
                }
                ids.complete(started);
            } catch (Throwable t) {
                ids.completeExceptionally(t);
            }
        });

        assertThat(ids.get(10, TimeUnit.SECONDS))
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(UUID.fromString(id))
                        .extracting(UUID::version, UUID::variant)
                        .containsExactly(4, 2));
    }
}
