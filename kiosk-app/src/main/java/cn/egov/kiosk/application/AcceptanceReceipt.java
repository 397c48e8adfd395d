package cn.egov.kiosk.application;

import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Catalogue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * The data of the acceptance receipt (受理回执, template {@value #TEMPLATE}) for an application made
 * here: the platform's number when it gave one, else the kiosk's own reference (the application is
 * saved and goes when the platform is back); the query code the receipt shows as a QR; what was
 * received (the form, and the materials the platform already holds as electronic licences); the
 * promised date. The applicant's name, number and phone go in whole: the template masks them.
 */
public final class AcceptanceReceipt {
    public static final String TEMPLATE = "acceptance-receipt";
    /** What begins the kiosk's own reference of an application: {@code KS-XXXX-XXXX-XXXX}. */
    public static final String REFERENCE_PREFIX = "KS-";

    private AcceptanceReceipt() {}

    public static JsonNode of(
            Catalogue.Item item,
            Applications.Applicant applicant,
            ApplicationService.Standing standing,
            ZonedDateTime submittedAt) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("office", item.departmentName());
        standing.applicationNo().ifPresent(no -> d.put("applicationNo", no));
        d.put("queryCode", standing.applicationNo().orElse(reference(standing.id())));
        d.put("serviceName", item.name());
        ObjectNode who = d.putObject("applicant");
        who.put("name", applicant.name());
        who.put("idNumber", applicant.idNumber());
        who.put("phone", applicant.phone() == null ? "" : applicant.phone());
        d.put("submittedAt", submittedAt.toLocalDateTime().withNano(0).toString());
        ArrayNode materials = d.putArray("materials");
        ObjectNode form = materials.addObject();
        form.put("name", item.name() + (item.name().endsWith("申请") ? "表" : "申请表"));
        form.put("form", "电子");
        form.put("copies", 1);
        for (Catalogue.Material m : item.materials()) {
            if (m.electronic()) {
                ObjectNode row = materials.addObject();
                row.put("name", m.name());
                row.put("form", "电子证照");
                row.put("copies", Math.max(1, m.copies()));
            }
        }
        d.put("promisedDays", item.promisedLimitDays());
        d.put(
                "dueDate",
                workingDaysAfter(submittedAt.toLocalDate(), item.promisedLimitDays())
                        .toString());
        d.put("delivery", "短信通知");
        d.put("issuedOn", submittedAt.toLocalDate().toString());
        d.put("reprint", false);
        return d;
    }

    /**
     * The kiosk's reference of an application the platform has not numbered yet: its id's first
     * twelve characters, in capitals, grouped by four, enough to find it again.
     */
    public static String reference(String id) {
        String hex = id.replace("-", "").toUpperCase(Locale.ROOT);
        String twelve = hex.substring(0, Math.min(12, hex.length()));
        return REFERENCE_PREFIX + twelve.replaceAll("(.{4})(?!$)", "$1-");
    }

    /** {@code days} working days after {@code from}, weekends skipped (the hall's holidays are not known here). */
    public static LocalDate workingDaysAfter(LocalDate from, int days) {
        LocalDate d = from;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }
}
