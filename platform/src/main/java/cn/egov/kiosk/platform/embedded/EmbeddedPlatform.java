package cn.egov.kiosk.platform.embedded;

import cn.egov.kiosk.platform.auth.Credentials;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A platform the kiosk starts in its own process, on loopback, for demo mode ({@code platform.url:
 * embedded}): the platform simulator. It is found through {@link ServiceLoader}, so a hall's
 * installation, which does not carry the simulator, has none; the demo adds it to the class path.
 */
public interface EmbeddedPlatform extends AutoCloseable {

    /** Its base URL, such as {@code http://127.0.0.1:40123}. */
    String url();

    /**
     * Carries out a trainer's command.
     *
     * @param argument the command's argument, or an empty string
     * @throws IllegalArgumentException for an unknown command or a bad argument
     */
    void apply(String command, String argument);

    /**
     * A fresh login code of the province's service app (扫码登录) for one of its demo citizens, as the
     * app would show it now: valid for 60 s, resolving once through {@code POST /v1/app-logins}.
     * What a demonstration or a test scans in place of a citizen's phone.
     *
     * @param idNumber the demo citizen's ID number
     * @throws IllegalArgumentException when it has no citizen with this ID number
     */
    String appCode(String idNumber);

    /**
     * What it has received from kiosks so far, by operation ({@code application.submit},
     * {@code queue.ticket}, {@code app-login}...): how many of each, a duplicate counted twice. A walk-through compares
     * it before and after a flow.
     */
    Map<String, Integer> received();

    /** Its state in a line, for diagnostics. */
    String describe();

    @Override
    void close();

    /** Starts embedded platforms; registered in {@code META-INF/services}. */
    interface Provider {
        /**
         * Starts one.
         *
         * @param registrationCode the one-time code it accepts
         * @param known the kiosk's credentials from an earlier run, which it knows as a real platform
         *     would still know them
         * @param queuePrefix the kiosk's queue prefix that goes with them
         */
        EmbeddedPlatform start(String registrationCode, Optional<Credentials> known, String queuePrefix)
                throws IOException;

        /** The trainer's commands an embedded platform of this provider takes (before one runs, too). */
        Map<String, String> commands();
    }

    /** The provider on the class path, if the simulator is installed. */
    static Optional<Provider> provider() {
        return ServiceLoader.load(Provider.class).findFirst();
    }
}
