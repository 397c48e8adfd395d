package cn.egov.kiosk.platform.sim;

import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.platform.api.BusinessTypes;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.platform.api.Departments;
import cn.egov.kiosk.platform.api.Enterprise;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Licences;
import cn.egov.kiosk.platform.api.Notices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The sample data set (everyone and everything fictitious), read from the JSON files beside this
 * class ({@code data/README.md} tells what each holds). Immutable once loaded; what changes while
 * the simulator runs (the catalogue's versions, bookings, submissions) lives in the resource of
 * its tag of the contract ({@link CatalogueState}, {@link AppointmentsResource}...).
 */
final class SimData {
    /** A citizen's records, by ID number. */
    record Citizen(
            String idNumber,
            List<Licence> licences,
            List<Applications.Progress> applications,
            List<Appointments.Appointment> appointments) {}

    record Licence(Licences.Summary summary, String template, JsonNode data, String verificationCode) {}

    /** The calendar appointment slots are made from. */
    record Calendar(Set<DayOfWeek> days, Set<LocalDate> holidays, List<SlotTemplate> slots) {
        boolean open(LocalDate d) {
            return days.contains(d.getDayOfWeek()) && !holidays.contains(d);
        }
    }

    record SlotTemplate(String start, String end, int capacity) {}

    final List<Departments.Department> departments;
    final List<Catalogue.Item> catalogue;
    final List<BusinessTypes.BusinessType> businessTypes;
    final List<Notices.Notice> notices;
    final Map<String, Enterprise> enterprises;
    final Map<String, Citizen> citizens;
    final Calendar calendar;

    private SimData(
            List<Departments.Department> departments,
            List<Catalogue.Item> catalogue,
            List<BusinessTypes.BusinessType> businessTypes,
            List<Notices.Notice> notices,
            Map<String, Enterprise> enterprises,
            Map<String, Citizen> citizens,
            Calendar calendar) {
        this.departments = departments;
        this.catalogue = catalogue;
        this.businessTypes = businessTypes;
        this.notices = notices;
        this.enterprises = enterprises;
        this.citizens = citizens;
        this.calendar = calendar;
    }

    static SimData load() {
        ObjectMapper m = Json.mapper();
        try {
            List<Departments.Department> departments =
                    List.of(m.treeToValue(read("departments.json").get("departments"), Departments.Department[].class));
            List<Catalogue.Item> items = new ArrayList<>();
            for (JsonNode n : read("catalogue.json").get("items")) {
                // the version the item last changed in the data set (1 when it does not say): a kiosk that
                // synced an earlier data set gets the items changed since
                items.add(m.treeToValue(n, Catalogue.Item.class)
                        .withVersion(n.path("version").asLong(1)));
            }
            List<BusinessTypes.BusinessType> types = List.of(m.treeToValue(
                    read("business-types.json").get("businessTypes"), BusinessTypes.BusinessType[].class));
            List<Notices.Notice> notices =
                    List.of(m.treeToValue(read("notices.json").get("notices"), Notices.Notice[].class));
            Map<String, Enterprise> enterprises = new LinkedHashMap<>();
            for (Enterprise e : m.treeToValue(read("enterprises.json").get("enterprises"), Enterprise[].class)) {
                enterprises.put(e.creditCode(), e);
            }
            Map<String, Citizen> citizens = new LinkedHashMap<>();
            for (JsonNode c : read("citizens.json").get("citizens")) {
                List<Licence> licences = new ArrayList<>();
                for (JsonNode l : c.path("licences")) {
                    Licences.Summary s = m.treeToValue(l, Licences.Summary.class);
                    licences.add(new Licence(
                            s,
                            l.path("template").asText("licence-example"),
                            l.get("data"),
                            l.path("verificationCode").asText()));
                }
                List<Applications.Progress> apps =
                        List.of(m.treeToValue(c.path("applications"), Applications.Progress[].class));
                List<Appointments.Appointment> appts = new ArrayList<>();
                for (JsonNode a : c.path("appointments")) {
                    appts.add(m.treeToValue(a, Appointments.Appointment.class));
                }
                citizens.put(
                        c.get("idNumber").asText(),
                        new Citizen(c.get("idNumber").asText(), licences, apps, appts));
            }
            return new SimData(
                    departments,
                    List.copyOf(items),
                    types,
                    notices,
                    enterprises,
                    citizens,
                    calendar(read("appointment-calendar.json")));
        } catch (IOException e) {
            throw new UncheckedIOException("the simulator's data set is broken: " + e.getMessage(), e);
        }
    }

    private static Calendar calendar(JsonNode n) {
        Set<DayOfWeek> days = new HashSet<>();
        String spec = n.path("days").asText("MON-FRI");
        String[] range = spec.split("-");
        DayOfWeek from = day(range[0]);
        DayOfWeek to = range.length > 1 ? day(range[1]) : from;
        for (DayOfWeek d = from; ; d = d.plus(1)) {
            days.add(d);
            if (d == to) {
                break;
            }
        }
        Set<LocalDate> holidays = new HashSet<>();
        n.path("holidays").forEach(h -> holidays.add(LocalDate.parse(h.asText())));
        List<SlotTemplate> slots = new ArrayList<>();
        n.path("slots")
                .forEach(s -> slots.add(new SlotTemplate(
                        s.get("start").asText(),
                        s.get("end").asText(),
                        s.get("capacity").asInt())));
        return new Calendar(days, holidays, slots);
    }

    private static DayOfWeek day(String abbrev) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(abbrev.strip().toUpperCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("not a day: " + abbrev);
    }

    private static JsonNode read(String name) throws IOException {
        try (InputStream in = SimData.class.getResourceAsStream("data/" + name)) {
            if (in == null) {
                throw new IOException("data/" + name + " is missing from the simulator's build");
            }
            try {
                return Json.mapper().readTree(in);
            } catch (IOException e) {
                throw new IOException("data/" + name + ": " + e.getMessage(), e);
            }
        }
    }
}
