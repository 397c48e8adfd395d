package cn.egov.kiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PhotoDecoderTest {

    @Test
    void aDecoderOnTheClassPathIsFoundThroughServiceLoader() throws IOException {
        PhotoDecoder decoder = PhotoDecoder.installed().orElseThrow();
        assertThat(decoder).isInstanceOf(GreyPhotoDecoder.class);

        byte[] wlt = new byte[1024];
        Arrays.fill(wlt, (byte) 0x80);
        PhotoDecoder.DecodedPhoto photo = decoder.decode(wlt);
        assertThat(photo.width()).isEqualTo(GreyPhotoDecoder.WIDTH);
        assertThat(photo.argb()[0]).isEqualTo(0xFF808080);

        photo.wipe();
        assertThat(photo.argb()).containsOnly(0);
        assertThat(photo.toString()).doesNotContain("808080");
    }

    @Test
    void aPhotoMustHaveAsManyPixelsAsItsSize() {
        assertThatThrownBy(() -> new PhotoDecoder.DecodedPhoto(2, 2, new int[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
