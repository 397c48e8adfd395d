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
     * The page's data for an entity as the register gave it.
     *
     * @param queriedAt when the register answered
     * @param reference the query's reference (not the entity's data): printed, and the print's reference
     */
    public static JsonNode of(
            Enterprise e, Instant queriedAt, Instant now, ZoneId zone, String hall, String reference) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("name", text(e.name()));
        d.put("creditCode", text(e.creditCode()));
        d.put("type", text(e.type()));
        d.put("role", roleCode(RegisterTerms.role(e.type())));
        d.put("legalRepresentative", text(e.legalRepresentative()));
        d.put("status", text(e.status()));
        d.put("statusMeaning", statusCode(RegisterTerms.status(e.status())));
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

    /** The template's number for the representative's title ({@code {role|choice:0#法定代表人...}}). */
    private static int roleCode(RegisterTerms.Role role) {
        return switch (role) {
            case LEGAL_REPRESENTATIVE -> 0;
            case OPERATOR -> 1;
            case MANAGING_PARTNER -> 2;
            case INVESTOR -> 3;
        };
    }

    /** The template's number for what the status means ({@code {statusMeaning|choice:0#（正常经营）...}}). */
    private static int statusCode(RegisterTerms.Status status) {
        return switch (status) {
            case ACTIVE -> 0;
            case DEREGISTERED -> 1;
            case REVOKED -> 2;
            case MOVED_OUT -> 3;
            case SUSPENDED -> 4;
            case OTHER -> 5;
        };
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
