package cn.egov.kiosk.catalogue;

import cn.egov.kiosk.platform.api.Catalogue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The data of the printed one-page guide of an item (template {@value #TEMPLATE}): what the item
 * page shows, from the local copy, with the catalogue's date so the paper says how current it is.
 */
public final class GuideDocument {
    public static final String TEMPLATE = "service-guide";

    private GuideDocument() {}

    /**
     * @param counter the name of the hall's queue for the item, when the hall has it
     * @param hall the hall's name
     */
    public static JsonNode of(
            Catalogue.Item item,
            Optional<String> counter,
            String hall,
            Optional<Instant> asOf,
            Instant now,
            ZoneId zone) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("itemId", item.id());
        d.put("name", item.name());
        d.put("department", item.departmentName());
        d.put("category", item.category() == null ? "" : item.category());
        d.put("audience", audienceCode(item.audience()));
        d.put("trips", item.trips().ordinal());
        d.put("feeFen", item.feeFen());
        d.put("feeNote", item.feeNote() == null ? "" : item.feeNote());
        d.put("legalDays", item.legalLimitDays());
        d.put("promisedDays", item.promisedLimitDays());
        ArrayNode materials = d.putArray("materials");
        boolean exempted = false;
        for (Catalogue.Material m : item.materials()) {
            ObjectNode row = materials.addObject();
            row.put("name", m.name());
            row.put("copies", m.copies());
            row.put("exempt", m.electronic() ? 1 : 0);
            row.put("optional", m.required() ? 0 : 1);
            row.put("note", m.note() == null ? "" : m.note());
            exempted |= m.electronic();
        }
        d.put("exempted", exempted);
        d.put("kiosk", item.kioskCapable());
        counter.ifPresent(c -> d.put("counter", c));
        d.put("hall", hall);
        if (item.portalUrl() != null && !item.portalUrl().isBlank()) {
            d.put("portalUrl", item.portalUrl());
        }
        asOf.ifPresent(at -> d.put("asOf", LocalDateTime.ofInstant(at, zone).toString()));
        d.put("printedAt", LocalDateTime.ofInstant(now, zone).withNano(0).toString());
        return d;
    }

    private static int audienceCode(Catalogue.Audience a) {
        return switch (a) {
            case PERSONAL -> 0;
            case ENTERPRISE -> 1;
            case BOTH -> 2;
        };
    }
}
