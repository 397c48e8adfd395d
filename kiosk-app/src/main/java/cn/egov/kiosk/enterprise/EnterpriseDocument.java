package cn.egov.kiosk.enterprise;

import cn.egov.kiosk.platform.api.Enterprise;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The data of the printed 企业信息查询结果 (template {@value #TEMPLATE}, an A4 page): the entity's
 * public registration data as the register gave it, when it was asked (the hall's time), where, and
 * the query's reference, which finds the print in the audit trail.
 */
public final class EnterpriseDocument {
    public static final String TEMPLATE = "enterprise-info";

    private EnterpriseDocument() {}

    /**
     * @param queriedAt when the register answered
     * @param reference the query's reference (not the entity's data): printed, and the print's reference
     */
    public static JsonNode of(
            Enterprise e, Instant queriedAt, Instant now, ZoneId zone, String hall, String reference) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("name", text(e.name()));
        d.put("creditCode", text(e.creditCode()));
        d.put("type", text(e.type()));
        d.put("role", RegisterTerms.role(e.type()).ordinal());
        d.put("legalRepresentative", text(e.legalRepresentative()));
        d.put("status", text(e.status()));
        d.put("statusMeaning", RegisterTerms.status(e.status()).ordinal());
        d.put("registeredCapital", text(e.registeredCapital()));
        d.put(
                "establishedOn",
                e.establishedOn() == null ? "" : e.establishedOn().toString());
        d.put("address", text(e.address()));
        d.put("businessScope", text(e.businessScope()));
        d.put("authority", text(e.authority()));
        d.put("hall", hall);
        d.put("reference", reference);
        d.put("queriedAt", LocalDateTime.ofInstant(queriedAt, zone).withNano(0).toString());
        d.put("printedAt", LocalDateTime.ofInstant(now, zone).withNano(0).toString());
        return d;
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
