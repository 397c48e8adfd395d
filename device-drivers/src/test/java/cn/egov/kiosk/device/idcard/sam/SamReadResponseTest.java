package cn.egov.kiosk.device.idcard.sam;

import static cn.egov.kiosk.device.idcard.sam.SamTestCards.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.ResidentIdCard;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SamReadResponseTest {
    private static final Random RANDOM = new Random(467);

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    @Test
    void textAndPhotoMakeTheWellKnown1295ByteFrame() throws Exception {
        byte[] photo = bytes(1024);
        byte[] text = IdCardText.encode(SamTestCards.hanMeimei(photo, null));

        byte[] data = SamReadResponse.build(text, photo, null);
        byte[] frame = SamFrames.response(0x00, 0x00, 0x90, data);

        assertThat(data).hasSize(4 + 256 + 1024);
        assertThat(Arrays.copyOfRange(data, 0, 4)).containsExactly(0x01, 0x00, 0x04, 0x00);
        assertThat(frame).hasSize(1295);
        assertThat(Arrays.copyOfRange(frame, 5, 7)).containsExactly(0x05, 0x08);

        SamReadResponse parsed = SamReadResponse.parse(data);
        assertThat(parsed.withFingerprint()).isFalse();
        assertThat(parsed.text()).isEqualTo(text);
        assertThat(parsed.photo()).isEqualTo(photo);
        assertThat(parsed.fingerprint()).isEmpty();
        assertThat(fields(parsed.decode())).isEqualTo(fields(SamTestCards.hanMeimei(photo, null)));
    }

    @Test
    void withAFingerprintThereAreThreeLengths() throws Exception {
        byte[] photo = bytes(1024);
        byte[] fingerprint = bytes(1024);
        ResidentIdCard card = SamTestCards.hanMeimei(photo, fingerprint);
        byte[] text = IdCardText.encode(card);

        byte[] data = SamReadResponse.build(text, photo, fingerprint);

        assertThat(data).hasSize(6 + 256 + 1024 + 1024);
        assertThat(Arrays.copyOfRange(data, 0, 6)).containsExactly(0x01, 0x00, 0x04, 0x00, 0x04, 0x00);
        assertThat(Arrays.copyOfRange(data, 6, 8)).containsExactly(0xE9, 0x97); // 韩, the text's first character
        SamReadResponse parsed = SamReadResponse.parse(data);
        assertThat(parsed.withFingerprint()).isTrue();
        assertThat(parsed.photo()).isEqualTo(photo);
        assertThat(parsed.fingerprint()).isEqualTo(fingerprint);
        IdCard back = IdCardText.decode(parsed.text(), parsed.photo(), parsed.fingerprint());
        assertThat(fields(back)).isEqualTo(fields(card));
    }

    @Test
    void anEmptyFingerprintStillHasItsLength() throws Exception {
        byte[] data = SamReadResponse.build(new byte[256], new byte[1024], new byte[0]);

        assertThat(data).hasSize(6 + 256 + 1024);
        SamReadResponse parsed = SamReadResponse.parse(data);
        assertThat(parsed.withFingerprint()).isTrue();
        assertThat(parsed.fingerprint()).isEmpty();
        assertThat(SamReadResponse.build(parsed.text(), parsed.photo(), parsed.fingerprint()))
                .isEqualTo(data);
    }

    @Test
    void buildAndParseAreInverses() throws Exception {
        for (int i = 0; i < 200; i++) {
            byte[] text = bytes(RANDOM.nextInt(300));
            byte[] photo = bytes(RANDOM.nextInt(1100));
            byte[] fingerprint = RANDOM.nextBoolean() ? null : bytes(RANDOM.nextInt(1100));

            byte[] data = SamReadResponse.build(text, photo, fingerprint);
            SamReadResponse parsed = SamReadResponse.parse(data);

            assertThat(parsed.text()).isEqualTo(text);
            assertThat(parsed.photo()).isEqualTo(photo);
            assertThat(parsed.withFingerprint()).isEqualTo(fingerprint != null);
            assertThat(parsed.fingerprint()).isEqualTo(fingerprint == null ? new byte[0] : fingerprint);
            assertThat(SamReadResponse.build(
                            parsed.text(), parsed.photo(), parsed.withFingerprint() ? parsed.fingerprint() : null))
                    .isEqualTo(data);
        }
    }

    @Test
    void lengthsThatDoNotMatchTheDataAreRefused() {
        byte[] good = SamReadResponse.build(new byte[256], new byte[1024], null);
        byte[] goodWithFingerprint = SamReadResponse.build(new byte[256], new byte[1024], new byte[512]);
        byte[] declaredTooMuch = good.clone();
        declaredTooMuch[2] = 0x05;
        byte[] declaredTooLittle = goodWithFingerprint.clone();
        declaredTooLittle[5] = 0x01;

        for (byte[] bad : new byte[][] {
            new byte[0],
            new byte[3],
            {0, 0, 0},
            {0, 1, 0, 0},
            Arrays.copyOf(good, good.length - 1),
            Arrays.copyOf(good, good.length + 1),
            Arrays.copyOf(goodWithFingerprint, goodWithFingerprint.length - 1),
            Arrays.copyOf(goodWithFingerprint, goodWithFingerprint.length + 1),
            declaredTooMuch,
            declaredTooLittle,
            {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
        }) {
            assertThatThrownBy(() -> SamReadResponse.parse(bad))
                    .isInstanceOf(IdCardTextException.class)
                    .hasMessage("lengths: bad lengths");
        }
    }

    @Test
    void zeroLengthsAreWellFormed() throws Exception {
        assertThat(SamReadResponse.parse(new byte[4]).text()).isEmpty();
        assertThat(SamReadResponse.parse(new byte[6]).withFingerprint()).isTrue();
        // a text of the wrong length parses, and the decoder refuses it
        assertThatThrownBy(() -> SamReadResponse.parse(new byte[4]).decode()).hasMessage("text: not a 256-byte block");
    }

    @Test
    void aBlockTooLongForItsLengthFieldIsRefused() {
        assertThatThrownBy(() -> SamReadResponse.build(new byte[256], new byte[65536], null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("photo: 65536 bytes, more than a length field holds");
        assertThatThrownBy(() -> SamReadResponse.build(new byte[256], new byte[0], new byte[65536]))
                .hasMessageStartingWith("fingerprint:");
    }

    @Test
    void itShowsLengthsOnlyAndWipes() throws Exception {
        ResidentIdCard card = SamTestCards.hanMeimei(null, null);
        byte[] photo = bytes(1024);
        SamReadResponse parsed =
                SamReadResponse.parse(SamReadResponse.build(IdCardText.encode(card), photo, bytes(10)));

        assertThat(parsed).hasToString("SamReadResponse[text 256, photo 1024, fingerprint 10 bytes]");
        parsed.wipe();
        assertThat(parsed.text()).containsOnly(0);
        assertThat(parsed.photo()).containsOnly(0);
        assertThat(parsed.fingerprint()).containsOnly(0);
        assertThat(card.appendedAddress()).isEqualTo(Optional.empty());
    }
}
