package cn.egov.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.PlatformException;
import cn.egov.kiosk.platform.client.PlatformException.Kind;
import cn.egov.kiosk.sync.PlatformLink.State;
import cn.egov.kiosk.sync.PlatformLink.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The link's state as calls find it: listeners told once per change, since and last contact kept. */
class PlatformLinkTest {
    private static final Instant T0 = Instant.parse("2026-11-28T01:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final List<Status> heard = new CopyOnWriteArrayList<>();

    private PlatformLink link(State initial) {
        PlatformLink link = new PlatformLink(clock, initial);
        link.addListener(heard::add);
        return link;
    }

    @Test
    void theInitialStateIsSinceTheStartWithNoContactYet() {
        PlatformLink link = link(State.NOT_REGISTERED);

        Status s = link.status();
        assertThat(s.state()).isEqualTo(State.NOT_REGISTERED);
        assertThat(s.since()).isEqualTo(T0);
        assertThat(s.lastContact()).isEmpty();
        assertThat(s.detail()).isEmpty();
        assertThat(s.clockOffset()).isZero();
        assertThat(link.online()).isFalse();
        assertThat(heard).isEmpty();
    }

    @Test
    void listenersAreToldOncePerChangeNotForTheSameStateAgain() {
        PlatformLink link = link(State.OFFLINE);

        clock.advance(Duration.ofSeconds(10));
        link.reached();
        clock.advance(Duration.ofSeconds(10));
        link.reached();
        link.reached();
        clock.advance(Duration.ofSeconds(10));
        link.unreachable("connection refused");
        link.unreachable("connection refused again");
        clock.advance(Duration.ofSeconds(10));
        link.notRegistered("unknown-kiosk");
        link.notRegistered("unknown-kiosk");
        link.reached();

        assertThat(heard)
                .extracting(Status::state)
                .containsExactly(State.ONLINE, State.OFFLINE, State.NOT_REGISTERED, State.ONLINE);
        assertThat(heard.get(0).since()).isEqualTo(T0.plusSeconds(10));
        assertThat(heard.get(1).since()).isEqualTo(T0.plusSeconds(30));
        assertThat(heard.get(1).detail()).hasValue("connection refused");
        assertThat(heard.get(2).since()).isEqualTo(T0.plusSeconds(40));
        assertThat(heard.get(3).lastContact()).hasValue(T0.plusSeconds(40));
    }

    @Test
    void sinceIsWhenTheStateBeganAndLastContactTheLastAnswer() {
        PlatformLink link = link(State.OFFLINE);

        clock.advance(Duration.ofMinutes(1));
        link.reached();
        Instant online = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        link.reached();

        assertThat(link.status().since())
                .as("still online since the first answer")
                .isEqualTo(online);
        assertThat(link.status().lastContact()).hasValue(online.plus(Duration.ofMinutes(1)));
        assertThat(link.online()).isTrue();
        assertThat(link.status().online()).isTrue();
        assertThat(link.status().detail()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        link.unreachable("timeout");
        Instant offline = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        link.unreachable("refused");

        Status s = link.status();
        assertThat(s.state()).isEqualTo(State.OFFLINE);
        assertThat(s.since()).isEqualTo(offline);
        assertThat(s.lastContact()).as("no answer since").hasValue(online.plus(Duration.ofMinutes(1)));
        assertThat(s.detail()).as("the latest failure").hasValue("refused");
        assertThat(link.online()).isFalse();

        link.notRegistered("signature-invalid");
        assertThat(link.status().lastContact()).hasValue(online.plus(Duration.ofMinutes(1)));
        assertThat(link.status().since()).isEqualTo(offline.plus(Duration.ofMinutes(5)));
    }

    @Test
    void theClockOffsetIsKeptAcrossChangesAndTellsNoListener() {
        PlatformLink link = link(State.OFFLINE);

        link.clockOffset(Duration.ofSeconds(-42));

        assertThat(heard).isEmpty();
        assertThat(link.status().clockOffset()).isEqualTo(Duration.ofSeconds(-42));
        assertThat(link.status().state()).isEqualTo(State.OFFLINE);
        assertThat(link.status().since()).isEqualTo(T0);
        link.reached();
        link.unreachable("gone");
        assertThat(link.status().clockOffset()).isEqualTo(Duration.ofSeconds(-42));
        assertThat(heard).allMatch(s -> s.clockOffset().equals(Duration.ofSeconds(-42)));
    }

    @Test
    void aClockOffsetLearntMeanwhileNeverUndoesAChange() throws Exception {
        // the heartbeat thread learns the offset while the outbox thread finds the platform gone or back
        PlatformLink link = new PlatformLink(Clock.systemUTC(), State.OFFLINE);
        AtomicBoolean stop = new AtomicBoolean();
        Thread offsets = new Thread(() -> {
            long i = 0;
            while (!stop.get()) {
                link.clockOffset(Duration.ofMillis(i++ % 1000));
            }
        });
        offsets.start();
        int undone = 0;
        try {
            for (int i = 0; i < 100_000; i++) {
                if (i % 2 == 0) {
                    link.reached();
                    undone += link.status().state() == State.ONLINE ? 0 : 1;
                } else {
                    link.unreachable("refused");
                    undone += link.status().state() == State.OFFLINE ? 0 : 1;
                }
            }
        } finally {
            stop.set(true);
            offsets.join();
        }

        assertThat(undone).as("changes undone by a concurrent clockOffset").isZero();
    }

    @Test
    void aFailingListenerDoesNotKeepTheOthersFromHearing() {
        PlatformLink link = new PlatformLink(clock, State.OFFLINE);
        link.addListener(s -> {
            throw new IllegalStateException("a screen that is gone");
        });
        link.addListener(heard::add);

        link.reached();

        assertThat(heard).extracting(Status::state).containsExactly(State.ONLINE);
        assertThat(link.online()).isTrue();
    }

    @Test
    void aListenerSeesTheStatusItIsToldAbout() {
        PlatformLink link = new PlatformLink(clock, State.NONE);
        List<Optional<Status>> seenInside = new CopyOnWriteArrayList<>();
        link.addListener(s -> seenInside.add(Optional.of(link.status()).filter(now -> now.equals(s))));

        link.reached();
        link.unreachable("x");

        assertThat(seenInside).hasSize(2).allMatch(Optional::isPresent);
    }

    @Test
    void aFailedCallSaysOfflineOnlyWhenThePlatformDidNotAnswer() {
        PlatformLink link = new PlatformLink(clock, State.STARTING);
        link.failed(problem(429, Problem.RATE_LIMITED, true));
        assertThat(link.status().state())
                .as("a 429 is an answer: the platform is there")
                .isEqualTo(State.ONLINE);
        link.failed(problem(422, Problem.VALIDATION, false));
        assertThat(link.status().state()).isEqualTo(State.ONLINE);
        link.failed(problem(503, Problem.UNAVAILABLE, true));
        assertThat(link.status().state()).isEqualTo(State.OFFLINE);
        link.reached();
        link.failed(new PlatformException(Kind.UNREACHABLE, 0, Optional.empty(), Optional.empty(), "refused", null));
        assertThat(link.status().state()).isEqualTo(State.OFFLINE);
        link.failed(problem(401, Problem.UNKNOWN_KIOSK, false));
        assertThat(link.status().state()).as("the kiosk's key refused").isEqualTo(State.NOT_REGISTERED);
        link.reached();
        link.failed(new PlatformException(
                Kind.NOT_REGISTERED, 0, Optional.empty(), Optional.empty(), "no credentials", null));
        assertThat(link.status().state()).isEqualTo(State.NOT_REGISTERED);
    }

    private static PlatformException problem(int status, String code, boolean retryable) {
        var p = Problem.of(code, status, "t", "d", "/v1/x", retryable);
        return new PlatformException(
                Kind.PROBLEM, status, Optional.of(p), Optional.empty(), "POST /v1/x: " + status, null);
    }
}
