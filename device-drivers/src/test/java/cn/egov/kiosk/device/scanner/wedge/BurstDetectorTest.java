package cn.egov.kiosk.device.scanner.wedge;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.manage.OptionReader;
import cn.egov.kiosk.device.manage.SpecProblem;
import cn.egov.kiosk.device.scanner.wedge.BurstDetector.Kind;
import cn.egov.kiosk.device.scanner.wedge.BurstDetector.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The burst detector with synthetic timings: keys as a scanner types them (a character every 8 ms,
 * each a press, the character and a release) and as a person does (100 ms and more apart).
 */
class BurstDetectorTest {
    /** A key event as the window would see it: what it is, and a name to follow it by. */
    record Key(String name, Kind kind, String character) {}

    private final BurstDetector<Key> detector = new BurstDetector<>(BurstDetector.Options.DEFAULTS);
    /** What was let through, in order; the codes scanned. */
    private final List<String> typed = new ArrayList<>();

    private final List<String> codes = new ArrayList<>();

    private static long ms(double millis) {
        return Math.round(millis * 1_000_000);
    }

    private void apply(Step<Key> step) {
        step.release().forEach(k -> typed.add(k.name()));
        step.code().ifPresent(codes::add);
    }

    private void event(Key key, double atMs) {
        apply(detector.key(key, key.kind(), key.character(), ms(atMs)));
    }

    private void expire(double atMs) {
        apply(detector.expire(ms(atMs)));
    }

    /** One key typed: pressed, its character, released {@code holdMs} later. */
    private void keystroke(String c, double atMs, double holdMs) {
        event(new Key("press " + c, Kind.LEADING, ""), atMs);
        event(new Key(c, Kind.CHARACTER, c), atMs);
        event(new Key("release " + c, Kind.TRAILING, ""), atMs + holdMs);
    }

    private void enter(double atMs) {
        event(new Key("Enter", Kind.ENTER, ""), atMs);
        event(new Key("\\r", Kind.TRAILING, ""), atMs);
        event(new Key("release Enter", Kind.TRAILING, ""), atMs + 2);
    }

    /** A scanner typing {@code code} and Enter from {@code startMs}, one character every {@code everyMs}; returns the end. */
    private double scanner(String code, double startMs, double everyMs) {
        double t = startMs;
        for (char c : code.toCharArray()) {
            keystroke(String.valueOf(c), t, everyMs / 2);
            t += everyMs;
        }
        enter(t);
        return t;
    }

    @Test
    void aScannersTypingIsAScanAndNothingOfItIsTyped() {
        double end = scanner("6901234567892", 0, 8);
        expire(end + 100);

        assertThat(codes).containsExactly("6901234567892");
        assertThat(typed)
                .as("not a key of the scan, its Enter and that Enter's release included")
                .isEmpty();
        assertThat(detector.holding()).isFalse();
        assertThat(detector.deadline()).isEmpty();
    }

    @Test
    void aScannerAtOneReportEvery16MsIsStillAScan() {
        scanner("https://zwfw.example.cn/e/3100", 0, 16);

        assertThat(codes).containsExactly("https://zwfw.example.cn/e/3100");
        assertThat(typed).isEmpty();
    }

    @Test
    void aPersonsKeysAreTypedInOrderEachHeldForOneGapAtMost() {
        double t = 0;
        for (String c : List.of("1", "2", "3", "4")) {
            event(new Key("press " + c, Kind.LEADING, ""), t);
            event(new Key(c, Kind.CHARACTER, c), t);
            assertThat(detector.deadline())
                    .as("held until one gap after the key")
                    .hasValue(ms(t + 35));
            expire(t + 34.9);
            assertThat(typed).as("not before the gap").doesNotContain(c);
            expire(t + 35);
            assertThat(typed).as("typed when the gap has passed").endsWith("press " + c, c);
            event(new Key("release " + c, Kind.TRAILING, ""), t + 60);
            assertThat(typed).as("a release with nothing held goes at once").endsWith("release " + c);
            t += 110;
        }
        enter(t);
        expire(t + 100);

        assertThat(codes).isEmpty();
        assertThat(typed)
                .containsExactly(
                        "press 1",
                        "1",
                        "release 1",
                        "press 2",
                        "2",
                        "release 2",
                        "press 3",
                        "3",
                        "release 3",
                        "press 4",
                        "4",
                        "release 4",
                        "Enter",
                        "\\r",
                        "release Enter");
    }

    @Test
    void theNextKeyAfterTheGapReleasesTheHeldOnesFirstWhenTheTimerIsLate() {
        event(new Key("a", Kind.CHARACTER, "a"), 0);
        event(new Key("b", Kind.CHARACTER, "b"), 80); // no expire in between

        assertThat(typed).containsExactly("a");
        expire(115);
        assertThat(typed).containsExactly("a", "b");
    }

    @Test
    void aFastBurstShorterThanTheMinimumIsAPersonsIncludingItsEnter() {
        scanner("ok", 0, 8);
        expire(200);

        assertThat(codes).isEmpty();
        assertThat(typed)
                .containsExactly(
                        "press o", "o", "release o", "press k", "k", "release k", "Enter", "\\r", "release Enter");
    }

    @Test
    void fastCharactersWithoutEnterAreTypedOnceTheyStop() {
        double t = 0;
        for (int i = 0; i < 20; i++) { // a key held down, repeating every 30 ms
            event(new Key("x" + i, Kind.CHARACTER, "x"), t);
            t += 30;
        }
        assertThat(typed).as("still a possible scan").isEmpty();
        expire(t + 10);

        assertThat(codes).isEmpty();
        assertThat(typed).hasSize(20).startsWith("x0", "x1").endsWith("x19");
    }

    @Test
    void enterTooLongAfterTheLastCharacterIsAPersons() {
        double t = 0;
        for (char c : "123456".toCharArray()) {
            event(new Key(String.valueOf(c), Kind.CHARACTER, String.valueOf(c)), t);
            t += 8;
        }
        event(new Key("Enter", Kind.ENTER, ""), t + 40);

        assertThat(codes).isEmpty();
        assertThat(typed).containsExactly("1", "2", "3", "4", "5", "6", "Enter");
    }

    @Test
    void aKeyNoScannerTypesReleasesWhatIsHeldBeforeIt() {
        event(new Key("a", Kind.CHARACTER, "a"), 0);
        event(new Key("b", Kind.CHARACTER, "b"), 5);
        event(new Key("Backspace", Kind.OTHER, ""), 10);

        assertThat(typed).containsExactly("a", "b", "Backspace");
        assertThat(detector.holding()).isFalse();
    }

    @Test
    void aReleaseWithNothingHeldGoesThroughAtOnce() {
        Step<Key> step = detector.key(new Key("release a", Kind.TRAILING, ""), Kind.TRAILING, "", ms(0));

        assertThat(step.release()).extracting(Key::name).containsExactly("release a");
        assertThat(detector.holding()).isFalse();
    }

    @Test
    void aPersonThenAScanThenAPerson() {
        keystroke("a", 0, 70);
        expire(35);
        double end = scanner("ABCD-1234", 300, 4);
        keystroke("z", end + 500, 70);
        expire(end + 535);

        assertThat(codes).containsExactly("ABCD-1234");
        assertThat(typed).containsExactly("press a", "a", "release a", "press z", "z", "release z");
    }

    @Test
    void aPauseInsideAFastBurstMakesTheFirstPartAPersonsAndTheRestAScanOfItsOwn() {
        double t = 0;
        for (char c : "1234".toCharArray()) {
            event(new Key(String.valueOf(c), Kind.CHARACTER, String.valueOf(c)), t);
            t += 8;
        }
        scanner("5678", t + 60, 8);

        assertThat(typed).containsExactly("1", "2", "3", "4");
        assertThat(codes).containsExactly("5678");
    }

    @Test
    void aBurstLongerThanAnyCodeIsReleased() {
        for (int i = 0; i <= BurstDetector.MAX_CODE_CHARACTERS; i++) {
            event(new Key("k", Kind.CHARACTER, "k"), i);
        }

        assertThat(typed).hasSize(BurstDetector.MAX_CODE_CHARACTERS + 1);
        assertThat(detector.holding()).isFalse();
    }

    @Test
    void theMinimumLengthAndTheGapAreOptions() {
        BurstDetector<Key> strict = new BurstDetector<>(new BurstDetector.Options(Duration.ofMillis(10), 8));
        List<Optional<String>> seen = new ArrayList<>();
        long t = 0;
        for (char c : "1234567".toCharArray()) {
            seen.add(strict.key(new Key("c", Kind.CHARACTER, ""), Kind.CHARACTER, String.valueOf(c), t)
                    .code());
            t += ms(5);
        }
        Step<Key> enter = strict.key(new Key("Enter", Kind.ENTER, ""), Kind.ENTER, "", t);

        assertThat(enter.code()).as("7 characters, 8 wanted").isEmpty();
        assertThat(enter.release()).hasSize(8);
    }

    @Test
    void optionsAreReadAndCheckedLikeEveryDriversOptions() {
        OptionReader good = new OptionReader(Map.of("maxGapMs", "50", "minLength", "6"));
        assertThat(BurstDetector.Options.read(good)).isEqualTo(new BurstDetector.Options(Duration.ofMillis(50), 6));
        assertThat(good.problems()).isEmpty();

        OptionReader none = new OptionReader(Map.of());
        assertThat(BurstDetector.Options.read(none)).isEqualTo(BurstDetector.Options.DEFAULTS);

        OptionReader bad = new OptionReader(Map.of("maxGapMs", "500", "minLength", "0", "speed", "fast"));
        BurstDetector.Options.read(bad);
        assertThat(bad.problems())
                .containsExactly(
                        new SpecProblem("options.maxGapMs", "a whole number from 10 to 150", "500"),
                        new SpecProblem("options.minLength", "a whole number from 1 to 64", "0"),
                        new SpecProblem("options.speed", "one of [maxGapMs, minLength]", "speed"));
    }
}
