package cn.egov.kiosk.catalogue;

import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.platform.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The platform simulator's sample catalogue (469 items of 24 departments), as the demo kiosk syncs it. */
public final class SampleCatalogue {
    private static List<Catalogue.Item> items;

    private SampleCatalogue() {}

    public static synchronized List<Catalogue.Item> items() {
        if (items == null) {
            try (InputStream in =
                    SampleCatalogue.class.getResourceAsStream("/cn/egov/kiosk/platform/sim/data/catalogue.json")) {
                if (in == null) {
                    throw new IllegalStateException("the simulator's sample catalogue is not on the test class path");
                }
                List<Catalogue.Item> all = new ArrayList<>();
                for (JsonNode item : Json.mapper().readTree(in).get("items")) {
                    all.add(Json.mapper().treeToValue(item, Catalogue.Item.class));
                }
                items = List.copyOf(all);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return items;
    }
}
