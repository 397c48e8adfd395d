package cn.egov.kiosk.device.idcard;

import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the photo an ID card holds (1,024 bytes of the card's own compressed format, "WLT") into
 * pixels. The format is licensed: a reader vendor's decoder plugs in through {@link ServiceLoader}
 * (a jar on the class path with {@code META-INF/services/cn.egov.kiosk.device.idcard.PhotoDecoder});
 * without one the kiosk shows a neutral placeholder where the photo would be.
 *
 * <p>The pixels are personal data like the bytes: a decoder keeps no copy, writes nothing to disk
 * and logs nothing of them; the caller {@linkplain DecodedPhoto#wipe() wipes} them once shown.
 */
public interface PhotoDecoder {

    /** The decoder's name, for the log. */
    String name();

    /**
     * Decodes a photo.
     *
     * @throws IOException when the bytes are not a photo this decoder can read
     */
    DecodedPhoto decode(byte[] wlt) throws IOException;

    /** A decoded photo: {@code width × height} pixels, ARGB, row by row. */
    record DecodedPhoto(int width, int height, int[] argb) {
        public DecodedPhoto {
            if (width <= 0 || height <= 0 || argb.length != width * height) {
                throw new IllegalArgumentException("a photo of " + width + "x" + height + " needs " + (width * height)
                        + " pixels, not " + argb.length);
            }
        }

        /** Overwrites the pixels. */
        public void wipe() {
            Arrays.fill(argb, 0);
        }

        @Override
        public String toString() {
            return "DecodedPhoto[" + width + "x" + height + "]";
        }
    }

    /** The first decoder on the class path; empty when there is none (or it cannot be loaded). */
    static Optional<PhotoDecoder> installed() {
        Logger log = LoggerFactory.getLogger(PhotoDecoder.class);
        try {
            Iterator<PhotoDecoder> found =
                    ServiceLoader.load(PhotoDecoder.class).iterator();
            if (found.hasNext()) {
                PhotoDecoder decoder = found.next();
                log.info("ID card photos are decoded by {}", decoder.name());
                return Optional.of(decoder);
            }
        } catch (ServiceConfigurationError e) {
            log.error("The ID card photo decoder on the class path cannot be loaded; photos are not shown", e);
        }
        return Optional.empty();
    }
}
