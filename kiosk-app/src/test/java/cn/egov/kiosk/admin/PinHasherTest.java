package cn.egov.kiosk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** PBKDF2-SHA256 PIN hashes: salted, self-describing, refused when malformed. */
class PinHasherTest {
    private final PinHasher hasher = new PinHasher(2_000);

    private static char[] pin(String s) {
        return s.toCharArray();
    }

    @Test
    void aHashMatchesItsPinOnlyAndNeverHoldsIt() {
        String stored = hasher.hash(pin("246810"));

        assertThat(stored).startsWith("pbkdf2-sha256$2000$").doesNotContain("246810");
        assertThat(stored.split("\\$")).hasSize(4);
        assertThat(Base64.getDecoder().decode(stored.split("\\$")[2])).hasSize(16);
        assertThat(Base64.getDecoder().decode(stored.split("\\$")[3])).hasSize(32);
        assertThat(hasher.matches(pin("246810"), stored)).isTrue();
        assertThat(hasher.matches(pin("246811"), stored)).isFalse();
        assertThat(hasher.matches(pin("2468100"), stored)).isFalse();
        assertThat(hasher.matches(pin(""), stored)).isFalse();
    }

    @Test
    void theSamePinTwiceGivesTwoHashes() {
        String a = hasher.hash(pin("246810"));
        String b = hasher.hash(pin("246810"));

        assertThat(a).isNotEqualTo(b); // a fresh salt each time
        assertThat(hasher.matches(pin("246810"), a)).isTrue();
        assertThat(hasher.matches(pin("246810"), b)).isTrue();
    }

    @Test
    void aHashIsCheckedWithItsOwnIterationsAndOldOnesAreOutdated() {
        String old = new PinHasher(1_000).hash(pin("13572468"));

        assertThat(hasher.matches(pin("13572468"), old)).isTrue();
        assertThat(PinHasher.iterationsOf(old)).contains(1_000);
        assertThat(hasher.outdated(old)).isTrue();
        assertThat(hasher.outdated(hasher.hash(pin("13572468")))).isFalse();
    }

    @Test
    void aWrongSaltOrIterationCountNeverMatches() {
        String stored = hasher.hash(pin("246810"));
        String[] p = stored.split("\\$");
        String otherSalt = Base64.getEncoder().withoutPadding().encodeToString(new byte[16]);

        assertThat(hasher.matches(pin("246810"), p[0] + "$" + p[1] + "$" + otherSalt + "$" + p[3]))
                .isFalse();
        assertThat(hasher.matches(pin("246810"), p[0] + "$2001$" + p[2] + "$" + p[3]))
                .isFalse();
    }

    @Test
    void malformedHashesAreRefusedNotThrown() {
        String stored = hasher.hash(pin("246810"));
        String[] p = stored.split("\\$");
        String shortSalt = Base64.getEncoder().withoutPadding().encodeToString(new byte[8]);
        for (String bad : new String[] {
            null,
            "",
            "246810",
            "pbkdf2-sha1$2000$" + p[2] + "$" + p[3],
            "pbkdf2-sha256$999$" + p[2] + "$" + p[3], // too few iterations
            "pbkdf2-sha256$-2000$" + p[2] + "$" + p[3],
            "pbkdf2-sha256$99999999999$" + p[2] + "$" + p[3],
            "pbkdf2-sha256$2000$" + shortSalt + "$" + p[3],
            "pbkdf2-sha256$2000$" + p[2] + "$" + p[2], // a 16-byte "hash"
            "pbkdf2-sha256$2000$!!!$" + p[3],
            "pbkdf2-sha256$2000$" + p[2],
            stored + "$x"
        }) {
            assertThat(hasher.matches(pin("246810"), bad))
                    .as(String.valueOf(bad))
                    .isFalse();
            assertThat(PinHasher.iterationsOf(bad)).isEmpty();
        }
    }

    @Test
    void tooFewIterationsAreRefused() {
        assertThatThrownBy(() -> new PinHasher(999)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKiosksCountTakesATenthOfASecondOrMore() {
        PinHasher kiosk = new PinHasher();
        char[] entry = pin("246810");
        String stored = kiosk.hash(entry);
        kiosk.matches(entry, stored); // warm
        long start = System.nanoTime();
        int checks = 3;
        for (int i = 0; i < checks; i++) {
            kiosk.matches(entry, stored);
        }
        long ms = (System.nanoTime() - start) / 1_000_000 / checks;

        assertThat(kiosk.iterations()).isEqualTo(PinHasher.DEFAULT_ITERATIONS);
        // measured here: about 140 ms a check; a faster machine still takes tens of milliseconds
        assertThat(ms).isGreaterThan(30);
    }
}
