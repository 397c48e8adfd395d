package cn.egov.kiosk.tour;

import cn.egov.kiosk.app.CommandProvider;
import java.util.Map;

/** Offers {@code kiosk tour}. */
public final class TourCommands implements CommandProvider {
    @Override
    public Map<String, Object> commands() {
        return Map.of("tour", new TourCommand());
    }
}
