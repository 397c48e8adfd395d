package cn.egov.kiosk.platform.sim;

import cn.egov.kiosk.platform.api.AppLogins;
import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.BusinessTypes;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.platform.api.Departments;
import cn.egov.kiosk.platform.api.Enterprise;
import cn.egov.kiosk.platform.api.InsuranceDues;
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
    /**
     * A citizen's records, by ID number: who they are as the province app knows them (their card's
     * data, the mobile number the app verified, the app's opaque login id), their licences,
     * applications, the appointments they booked elsewhere and their social insurance dues.
     */
    record Citizen(
            String idNumber,
            AppLogins.Citizen person,
            String appLoginId,
            List<Licence> licences,
            List<Applications.Progress> applications,
            List<BookedElsewhere> appointments,
            List<InsuranceDues.Due> dues) {
        @Override
        public String toString() {
            return "Citizen[personal data]";
        }
    }

    /**
     * A licence: its summary as the data set starts it ({@code printable}: whether its kind can be
     * printed at a kiosk; status, reprint, collection or tracking number), the print template and
     * its data.
     */
    record Licence(Licences.Summary summary, String template, JsonNode data, String verificationCode) {}

    /**
     * An appointment a citizen booked on the hall's website, dated from the simulator's today when
     * it starts: {@code day} 0 is today, starting a little after the simulator's start (so that
     * check-in is open then); {@code day} N the N-th open day after today, from {@code start} to
     * {@code end}. Its id is {@code YY<date>-<HHmm of start>-<bookingNo>}.
     */
    record BookedElsewhere(String bookingNo, String itemId, String itemName, int day, String start, String end) {}

    /**
     * The calendar appointment slots are made from, and the hall's rule for appointments: where
     * the hall is, check-in from {@code checkInEarlyMinutes} before a slot's start until {@code
     * checkInLateMinutes} after it, and whether a checked-in appointment's number is called first.
     */
    record Calendar(
            Set<DayOfWeek> days,
            Set<LocalDate> holidays,
            List<SlotTemplate> slots,
            String place,
            int checkInEarlyMinutes,
            int checkInLateMinutes,
            boolean appointmentPriority) {
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
                List<BookedElsewhere> appts = List.of(m.treeToValue(c.path("appointments"), BookedElsewhere[].class));
                List<InsuranceDues.Due> dues = c.has("insuranceDues")
                        ? List.of(m.treeToValue(c.get("insuranceDues"), InsuranceDues.Due[].class))
                        : List.of();
                for (InsuranceDues.Due d : dues) {
                    if (d.dueId() == null
                            || d.scheme() == null
                            || d.status() == null
                            || d.gradesFen() == null
                            || (d.status() == InsuranceDues.Status.DUE
                                    && d.gradesFen().isEmpty()
                                    && d.amountFen() <= 0)) {
                        throw new IOException("citizens.json: citizen " + (citizens.size() + 1)
                                + " has a due without an id, scheme, status, grades or amount");
                    }
                }
                String idNumber = c.get("idNumber").asText();
                AppLogins.Citizen person = m.treeToValue(c, AppLogins.Citizen.class);
                if (person.idType() == null || person.name() == null || person.sex() == null) {
                    throw new IOException(
                            "citizens.json: citizen " + (citizens.size() + 1) + " has no idType, name or sex");
                }
                citizens.put(
                        idNumber,
                        new Citizen(
                                idNumber,
                                person,
                                c.path("appLoginId").asText(idNumber),
                                List.copyOf(licences),
                                apps,
                                appts,
                                dues));
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
        return new Calendar(
                days,
                holidays,
                slots,
                n.path("place").asText("政务服务中心"),
                n.path("checkInEarlyMinutes").asInt(30),
                n.path("checkInLateMinutes").asInt(15),
                n.path("appointmentPriority").asBoolean(false));
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
