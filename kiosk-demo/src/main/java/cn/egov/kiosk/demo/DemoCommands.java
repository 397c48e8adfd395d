package cn.egov.kiosk.demo;

import cn.egov.kiosk.app.CommandProvider;
import java.util.Map;

/** {@code ./kiosk platform-sim}: the platform simulator on its own, for a kiosk in another process. */
public final class DemoCommands implements CommandProvider {
    @Override
    public Map<String, Object> commands() {
        return Map.of("platform-sim", new PlatformSimCommand());
    }
}
