package cn.egov.kiosk.app;

import cn.egov.kiosk.enterprise.EnterpriseRegister;
import cn.egov.kiosk.printing.DemoLicenceSource;
import cn.egov.kiosk.printing.LicenceSource;
import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.sync.PlatformEnterpriseRegister;
import cn.egov.kiosk.sync.PlatformLicenceSource;
import cn.egov.kiosk.sync.PlatformServices;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.UiServices;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands the screens what they use of a runtime ({@link UiServices}), and nothing else of it. */
public final class UiWiring {
    private static final Logger log = LoggerFactory.getLogger(UiWiring.class);

    private UiWiring() {}

    /** The screens' services of {@code runtime}; demo buttons run through {@code tasks}, off the JavaFX thread. */
    public static UiServices services(KioskRuntime runtime, TaskRunner tasks) {
        var config = runtime.config();
        boolean demo = config.kiosk().demo();
        LicenceSource licences = runtime.platform()
                .<LicenceSource>map(p -> new PlatformLicenceSource(p::interactiveClient, p.link()))
                .orElse(demo ? new DemoLicenceSource(runtime.templates()) : LicenceSource.NONE);
        Optional<Runnable> idCard =
                demo ? runtime.idCardReaderId().flatMap(id -> insertCard(runtime, tasks, id)) : Optional.empty();
        Optional<Runnable> socialSecurityCard =
                demo ? runtime.smartCardReaderId().flatMap(id -> insertCard(runtime, tasks, id)) : Optional.empty();
        return new UiServices(
                config,
                runtime.clock(),
                runtime.sessions(),
                runtime.features(),
                runtime.devices().health(),
                runtime.queue(),
                runtime.tickets(),
                runtime.businessTypeCodes(),
                runtime::businessTypeName,
                runtime.identities(),
                runtime.photoDecoder(),
                licences,
                runtime.templates(),
                runtime.renderings(),
                runtime.printing(),
                runtime.platform().map(p -> new UiServices.StaffPlatform(p::report, p::retryDeadLetters, p::checkNow)),
                runtime.guide(),
                runtime.platform().map(PlatformServices::applications),
                idCard,
                socialSecurityCard,
                new SpeakerVoice(runtime),
                // enterprise: asked with the short timeouts of the calls a citizen waits for
                runtime.platform()
                        .<EnterpriseRegister>map(p -> new PlatformEnterpriseRegister(p::interactiveClient, p.link())));
    }

    /** A demo button's "insert-card" to a simulated reader, off the JavaFX thread like any device call. */
    private static Optional<Runnable> insertCard(KioskRuntime runtime, TaskRunner tasks, String deviceId) {
        return runtime.simulators()
                .find(deviceId)
                .map(sim -> () -> tasks.run(
                        () -> {
                            sim.apply("insert-card");
                            return null;
                        },
                        done -> {},
                        error -> log.warn("Simulator {} refused insert-card: {}", deviceId, error.getMessage())));
    }
}
