package cn.egov.kiosk.appointment;

import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.platform.api.Catalogue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The data of the appointment confirmation (预约确认单, template {@value #TEMPLATE}, A5): the hall,
 * the service, the slot (day, start and end, which the template says in plain words), where to go,
 * who booked it (whole: the template masks what it declares personal), the booking number, the
 * check-in code its QR holds, and what to bring: the item's materials that the platform does not
 * already hold as electronic licences.
 */
public final class Confirmation {
    public static final String TEMPLATE = "appointment-confirmation";
    /** The prefix of a check-in code; what follows it is the booking number. */
    static final String CODE_PREFIX = "CHK-";

    private Confirmation() {}

    public static JsonNode of(
            String hallName, Catalogue.Item item, Appointments.Appointment booked, Appointments.Applicant applicant) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("hallName", hallName);
        d.put(
                "serviceName",
                booked.itemName() == null || booked.itemName().isBlank() ? item.name() : booked.itemName());
        ObjectNode slot = d.putObject("slot");
        slot.put("date", booked.date().toString());
        slot.put("from", booked.start());
        slot.put("to", booked.end());
        slot.put("start", CheckInWindow.start(booked).toString());
        CheckInWindow.end(booked).ifPresent(end -> slot.put("end", end.toString()));
        d.put("place", booked.place() == null || booked.place().isBlank() ? hallName : booked.place());
        ObjectNode who = d.putObject("applicant");
        who.put("name", applicant.name());
        who.put("idNumber", applicant.idNumber());
        who.put("phone", applicant.phone() == null ? "" : applicant.phone());
        d.put("bookingNo", bookingNo(booked));
        d.put("checkInCode", booked.checkInCode());
        ArrayNode bring = d.putArray("bring");
        for (Catalogue.Material m : item.materials()) {
            if (!m.electronic()) {
                bring.addObject().put("item", m.copies() > 1 ? m.name() + " ×" + m.copies() : m.name());
            }
        }
        return d;
    }

    /** The booking's number as the hall reads it: the check-in code without its prefix. */
    public static String bookingNo(Appointments.Appointment a) {
        String code = a.checkInCode() == null ? "" : a.checkInCode();
        return code.startsWith(CODE_PREFIX) ? code.substring(CODE_PREFIX.length()) : code;
    }
}
