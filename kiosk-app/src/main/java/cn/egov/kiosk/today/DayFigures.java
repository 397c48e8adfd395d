package cn.egov.kiosk.today;

import cn.egov.kiosk.payment.PaymentRecord;
import cn.egov.kiosk.printing.PrintRecord;
import cn.egov.kiosk.queue.Ticket;
import cn.egov.kiosk.queue.TicketStatus;
import cn.egov.kiosk.store.ApplicationRepository;
import cn.egov.kiosk.store.DayFiguresRepository;
import cn.egov.kiosk.store.PaymentJournalRepository;
import cn.egov.kiosk.store.PrintRecordRepository;
import cn.egov.kiosk.store.TicketRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A day's figures read from the store, in the hall's time zone: the day runs from its midnight to
 * the next, and each hour is an hour of the hall's clock. Reads only; blocks on the store (call it
 * off the JavaFX thread).
 */
public final class DayFigures {
    private final TicketRepository tickets;
    private final Optional<ApplicationRepository> applications;
    private final PaymentJournalRepository payments;
    private final PrintRecordRepository prints;
    private final DayFiguresRepository recorded;
    private final List<String> businessTypes;
    private final ZoneId zone;
    private final Clock clock;

    /**
     * @param applications the applications, where the kiosk takes them (with a platform)
     * @param businessTypes the configured business types, in their order (the chart's order)
     */
    public DayFigures(
            TicketRepository tickets,
            Optional<ApplicationRepository> applications,
            PaymentJournalRepository payments,
            PrintRecordRepository prints,
            DayFiguresRepository recorded,
            List<String> businessTypes,
            ZoneId zone,
            Clock clock) {
        this.tickets = tickets;
        this.applications = applications;
        this.payments = payments;
        this.prints = prints;
        this.recorded = recorded;
        this.businessTypes = List.copyOf(businessTypes);
        this.zone = zone;
        this.clock = clock;
    }

    /** The hall's day now. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The figures of {@code day} (today: so far). */
    public DaySummary of(LocalDate day) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        return new DaySummary(
                day,
                zone,
                clock.instant(),
                tickets(day),
                flows(from, to),
                faults(from, to),
                applications(from, to),
                payments(day),
                prints(from, to));
    }

    private int hour(Instant at) {
        return at.atZone(zone).getHour();
    }

    private DaySummary.Tickets tickets(LocalDate day) {
        Map<String, int[]> perHour = new LinkedHashMap<>();
        businessTypes.forEach(t -> perHour.put(t, new int[DaySummary.HOURS]));
        int issued = 0;
        int voided = 0;
        List<String> interrupted = new ArrayList<>();
        for (Ticket t : tickets.ofDay(day)) {
            if (t.status() == TicketStatus.VOIDED) {
                voided++;
                continue;
            }
            if (t.status() == TicketStatus.PRINTED || t.status() == TicketStatus.CALLED) {
                issued++;
            } else if (t.status() == TicketStatus.INTERRUPTED) {
                interrupted.add(t.number());
            }
            perHour.computeIfAbsent(t.businessType(), k -> new int[DaySummary.HOURS])[hour(t.issuedAt())]++;
        }
        Map<String, List<Integer>> hours = new LinkedHashMap<>();
        perHour.forEach((type, counts) -> hours.put(type, list(counts)));
        return new DaySummary.Tickets(hours, issued, interrupted.size(), List.copyOf(interrupted), voided);
    }

    private List<DaySummary.FlowCount> flows(Instant from, Instant to) {
        Map<String, int[]> counts = new LinkedHashMap<>(); // started, finished, left
        for (DayFiguresRepository.FlowEvent e : recorded.flows(from, to)) {
            int[] c = counts.computeIfAbsent(e.flow(), k -> new int[3]);
            if (e.start()) {
                c[0]++;
            } else if (e.outcome().filter(FlowLog.DONE::equals).isPresent()) {
                c[1]++;
            } else {
                c[2]++;
            }
        }
        return counts.entrySet().stream()
                .map(en -> new DaySummary.FlowCount(en.getKey(), en.getValue()[0], en.getValue()[1], en.getValue()[2]))
                .sorted(Comparator.comparingInt(DaySummary.FlowCount::started).reversed())
                .toList();
    }

    private DaySummary.Faults faults(Instant from, Instant to) {
        int[] perHour = new int[DaySummary.HOURS];
        List<DaySummary.Fault> list = new ArrayList<>();
        for (DayFiguresRepository.Fault f : recorded.faults(from, to)) {
            perHour[hour(f.at())]++;
            list.add(new DaySummary.Fault(f.at(), f.deviceId(), f.deviceClass(), f.code()));
        }
        Map<String, Long> byDevice =
                list.stream().collect(Collectors.groupingBy(DaySummary.Fault::deviceId, Collectors.counting()));
        Map<String, Integer> perDevice = new LinkedHashMap<>();
        byDevice.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> perDevice.put(e.getKey(), e.getValue().intValue()));
        return new DaySummary.Faults(list(perHour), perDevice, List.copyOf(list));
    }

    private DaySummary.Applications applications(Instant from, Instant to) {
        if (applications.isEmpty()) {
            return new DaySummary.Applications(0, 0, 0, 0);
        }
        int received = 0;
        int waiting = 0;
        int refused = 0;
        List<ApplicationRepository.Application> made = applications.get().createdBetween(from, to);
        for (ApplicationRepository.Application a : made) {
            switch (a.state()) {
                case RECEIVED -> received++;
                case QUEUED -> waiting++;
                case REJECTED -> refused++;
            }
        }
        return new DaySummary.Applications(made.size(), received, waiting, refused);
    }

    private DaySummary.Payments payments(LocalDate day) {
        int paid = 0;
        long paidFen = 0;
        int inDoubt = 0;
        int forStaff = 0;
        int givenBack = 0;
        List<PaymentRecord> all = payments.ofDay(day, zone);
        for (PaymentRecord p : all) {
            switch (p.state()) {
                case APPROVED, DELIVERED -> {
                    paid++;
                    paidFen += p.amountFen();
                }
                case NEW, SENT, REVERSAL_PENDING, REFUND_PENDING -> inDoubt++;
                case MANUAL -> forStaff++;
                case REVERSED, REFUNDED -> givenBack++;
                case DECLINED, CANCELLED -> {
                    // not charged
                }
            }
        }
        return new DaySummary.Payments(all.size(), paid, paidFen, inDoubt, forStaff, givenBack, payments.report(day));
    }

    private DaySummary.Prints prints(Instant from, Instant to) {
        int printed = 0;
        int failed = 0;
        int refused = 0;
        int reprints = 0;
        List<DaySummary.PrintFailure> failures = new ArrayList<>();
        List<PrintRecord> all = prints.between(from, to);
        for (PrintRecord r : all) {
            if (r.reprint()) {
                reprints++;
            }
            switch (r.result()) {
                case PRINTED -> printed++;
                case FAILED -> failed++;
                case REFUSED -> refused++;
            }
            if (r.result() != PrintRecord.Result.PRINTED) {
                failures.add(new DaySummary.PrintFailure(
                        r.printedAt(), r.template(), r.reason().orElse(""), r.result() == PrintRecord.Result.FAILED));
            }
        }
        return new DaySummary.Prints(all.size(), printed, failed, refused, reprints, List.copyOf(failures));
    }

    private static List<Integer> list(int[] counts) {
        return Arrays.stream(counts).boxed().toList();
    }
}
