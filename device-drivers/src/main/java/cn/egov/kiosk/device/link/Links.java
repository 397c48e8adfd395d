package cn.egov.kiosk.device.link;

import java.nio.file.Path;
import java.time.Duration;

/** Makes the byte link a {@link LinkSpec} names. */
public final class Links {
    private Links() {}

    /**
     * A closed link for the spec; call {@link ByteLink#open()} to connect.
     *
     * @throws IllegalArgumentException for {@code sim:}, which has no transport, or bad parameters
     */
    public static ByteLink create(LinkSpec spec) {
        return switch (spec.scheme()) {
            case SERIAL -> SerialLink.fromSpec(spec);
            case TCP ->
                new TcpLink(spec.host(), spec.port(), spec.intParam("connectTimeoutMs", 3000), writeTimeout(spec));
            case FILE -> new FileLink(Path.of(spec.target()), writeTimeout(spec));
            case SIM -> throw new IllegalArgumentException("sim: is an in-process simulator, not a link");
        };
    }

    /** {@code writeTimeoutMs} (100..60000, default 5000): how long a write may block. */
    private static Duration writeTimeout(LinkSpec spec) {
        int ms = spec.intParam("writeTimeoutMs", (int) TimedWriter.DEFAULT_TIMEOUT.toMillis());
        if (ms < 100 || ms > 60_000) {
            throw new IllegalArgumentException("writeTimeoutMs from 100 to 60000, not " + ms);
        }
        return Duration.ofMillis(ms);
    }
}
