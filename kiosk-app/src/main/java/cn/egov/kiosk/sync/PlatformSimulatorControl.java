package cn.egov.kiosk.sync;

import cn.egov.kiosk.device.sim.Simulator;
import cn.egov.kiosk.platform.embedded.EmbeddedPlatform;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The embedded platform under {@code ./kiosk simctl platform ...}, beside the simulated devices: a
 * trainer takes the platform down to show the kiosk working offline. The commands are the
 * embedded platform's own.
 */
final class PlatformSimulatorControl implements Simulator {
    private final Supplier<Optional<EmbeddedPlatform>> platform;

    /** @param platform the embedded platform, once it runs (it starts in the background) */
    PlatformSimulatorControl(Supplier<Optional<EmbeddedPlatform>> platform) {
        this.platform = platform;
    }

    private EmbeddedPlatform running() {
        return platform.get()
                .orElseThrow(() -> new IllegalArgumentException(
                        "the platform simulator is still starting; try again in a moment"));
    }

    @Override
    public String deviceId() {
        return "platform";
    }

    @Override
    public Map<String, String> commands() {
        return EmbeddedPlatform.provider()
                .map(EmbeddedPlatform.Provider::commands)
                .orElse(Map.of());
    }

    @Override
    public void apply(String command, String argument) {
        running().apply(command, argument);
    }

    @Override
    public String describe() {
        return platform.get().map(EmbeddedPlatform::describe).orElse("platform simulator starting");
    }
}
