package cn.egov.kiosk.sync;

import cn.egov.kiosk.appointment.AppointmentException;
import cn.egov.kiosk.appointment.AppointmentPlatform;
import cn.egov.kiosk.appointment.AppointmentProblem;
import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appointments over the platform ({@code appointment-slots}, {@code appointments}), with the client
 * for calls a citizen waits on. An offline kiosk does not make the citizen wait for a timeout: it
 * fails at once with {@link AppointmentProblem#OFFLINE}. The platform's problems become the
 * citizen's words' reasons: {@code slot-full}, {@code check-in-too-early}, {@code
 * check-in-too-late}, an appointment no longer booked (422), not found (404). No ID number, name or
 * code is logged.
 */
public final class PlatformAppointments implements AppointmentPlatform {
    private static final Logger log = LoggerFactory.getLogger(PlatformAppointments.class);

    private final Supplier<PlatformClient> client;
    private final PlatformLink link;

    public PlatformAppointments(Supplier<PlatformClient> client, PlatformLink link) {
        this.client = client;
        this.link = link;
    }

    /** One call to the platform, with the link told what it found. */
    private interface Call<T> {
        T call(PlatformClient c) throws PlatformException;
    }

    private <T> T ask(String what, Call<T> call) throws AppointmentException {
        PlatformLink.State state = link.status().state();
        if (state != PlatformLink.State.ONLINE && state != PlatformLink.State.STARTING) {
            log.info("Appointments: {} not asked, the platform is {}", what, state);
            throw new AppointmentException(AppointmentProblem.OFFLINE, "the platform is " + state, null);
        }
        try {
            T answer = call.call(client.get());
            link.reached();
            return answer;
        } catch (PlatformException e) {
            link.failed(e);
            AppointmentProblem problem = problemOf(e);
            log.info("Appointments: {} failed: {} ({})", what, problem, e.code());
            throw new AppointmentException(problem, what + ": " + e.code(), e);
        }
    }

    @Override
    public Appointments.SlotDay slots(String itemId, LocalDate date) throws AppointmentException {
        return ask("slots", c -> c.slots(itemId, date));
    }

    @Override
    public Appointments.Appointment book(Appointments.Book book) throws AppointmentException {
        return ask("book", c -> c.book(book));
    }

    @Override
    public List<Appointments.Appointment> ofCitizen(String idNumber) throws AppointmentException {
        Appointments.Found found =
                ask("search by person", c -> c.appointments(new Appointments.Search(idNumber, null)));
        return found.appointments() == null ? List.of() : found.appointments();
    }

    @Override
    public Optional<Appointments.Appointment> byCheckInCode(String checkInCode) throws AppointmentException {
        Appointments.Found found =
                ask("search by check-in code", c -> c.appointments(new Appointments.Search(null, checkInCode)));
        return found.appointments() == null
                ? Optional.empty()
                : found.appointments().stream().findFirst();
    }

    @Override
    public Appointments.Appointment checkIn(String appointmentId) throws AppointmentException {
        return ask("check-in", c -> c.checkIn(appointmentId));
    }

    @Override
    public Appointments.Appointment cancel(String appointmentId) throws AppointmentException {
        return ask("cancel", c -> c.cancel(appointmentId));
    }

    static AppointmentProblem problemOf(PlatformException e) {
        if (e.offline() || e.authRefused()) {
            return AppointmentProblem.OFFLINE;
        }
        switch (e.code()) {
            case Problem.SLOT_FULL:
                return AppointmentProblem.SLOT_FULL;
            case Problem.CHECK_IN_TOO_EARLY:
                return AppointmentProblem.TOO_EARLY;
            case Problem.CHECK_IN_TOO_LATE:
                return AppointmentProblem.TOO_LATE;
            case Problem.NOT_FOUND:
                return AppointmentProblem.NOT_FOUND;
            default:
                return e.status() == 422 ? AppointmentProblem.NOT_BOOKED : AppointmentProblem.FAILED;
        }
    }
}
