package cn.egov.kiosk.sync;

import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.client.Fetched;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import cn.egov.kiosk.store.AppointmentDayRepository;
import cn.egov.kiosk.store.CatalogueRepository;
import cn.egov.kiosk.store.SyncStateRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the local copies up to date: the catalogue incrementally (the items changed since the
 * local version, page by page, each page in its own transaction, the new version recorded only
 * when the last page is in, so that an interrupted sync starts again from where the copy is
 * consistent), departments, notices and business types whole, by ETag, and two weeks of
 * appointment availability ({@code appointment_day}). The kiosk always
 * serves from the local copy; a failure leaves it as it was and is recorded.
 */
public final class DownSync {
    private static final Logger log = LoggerFactory.getLogger(DownSync.class);

    public static final String CATALOGUE = "catalogue";
    public static final String DEPARTMENTS = "departments";
    public static final String NOTICES = "notices";
    public static final String BUSINESS_TYPES = "business-types";
    /** Places left per bookable item and open day, for {@link #AVAILABILITY_DAYS} days from today. */
    public static final String APPOINTMENT_AVAILABILITY = "appointment-availability";

    /** Two weeks: as far ahead as the platform books. */
    public static final int AVAILABILITY_DAYS = 14;

    public static final List<String> RESOURCES =
            List.of(CATALOGUE, DEPARTMENTS, NOTICES, BUSINESS_TYPES, APPOINTMENT_AVAILABILITY);

    /** What one sync of one resource did. */
    public record Result(String resource, boolean changed, int items, Duration took, Optional<String> error) {}

    /** How old the local copies are. */
    public record Freshness(Optional<Instant> oldestSync, boolean stale) {}

    private final PlatformClient client;
    private final CatalogueRepository catalogue;
    private final SyncStateRepository state;
    private final AppointmentDayRepository days;
    private final PlatformLink link;
    private final Clock clock;
    private final int pageSize;
    private final ZoneId zone;

    /** The hall's days are the clock's zone's. */
    public DownSync(
            PlatformClient client,
            CatalogueRepository catalogue,
            SyncStateRepository state,
            PlatformLink link,
            Clock clock,
            int pageSize) {
        this(client, catalogue, state, link, clock, clock.getZone(), pageSize);
    }

    /** @param zone the hall's time zone: its days are the days of appointment availability */
    public DownSync(
            PlatformClient client,
            CatalogueRepository catalogue,
            SyncStateRepository state,
            PlatformLink link,
            Clock clock,
            ZoneId zone,
            int pageSize) {
        this.client = client;
        this.catalogue = catalogue;
        this.state = state;
        this.days = new AppointmentDayRepository(state.database());
        this.link = link;
        this.clock = clock;
        this.pageSize = pageSize;
        this.zone = zone;
    }

    /** Every resource, one after the other; stops early when the platform cannot be reached. */
    public synchronized List<Result> syncAll() {
        List<Result> results = new ArrayList<>();
        for (String r : RESOURCES) {
            Result result = sync(r);
            results.add(result);
            if (result.error().isPresent() && !link.online()) {
                break;
            }
        }
        return results;
    }

    public synchronized Result sync(String resource) {
        long start = System.nanoTime();
        try {
            Result r = CATALOGUE.equals(resource)
                    ? catalogue(start)
                    : APPOINTMENT_AVAILABILITY.equals(resource) ? availability(start) : list(resource, start);
            link.reached();
            return r;
        } catch (PlatformException e) {
            link.failed(e);
            state.failed(resource, e.getMessage(), clock.instant());
            log.warn("Sync of {} failed: {}", resource, e.getMessage());
            return new Result(resource, false, 0, Duration.ofNanos(System.nanoTime() - start), Optional.of(e.code()));
        }
    }

    private Result catalogue(long start) throws PlatformException {
        SyncStateRepository.State s = state.get(CATALOGUE);
        long since = s.version();
        String cursor = null;
        int items = 0;
        int deleted = 0;
        long version = since;
        Optional<String> etag = Optional.empty();
        boolean first = true;
        do {
            Fetched<Catalogue.Page> f =
                    client.catalogue(since, cursor, pageSize, first && since > 0 ? s.etag() : Optional.empty());
            if (f.notModified()) {
                state.synced(CATALOGUE, since, s.etag(), clock.instant());
                return new Result(CATALOGUE, false, 0, Duration.ofNanos(System.nanoTime() - start), Optional.empty());
            }
            Catalogue.Page page = f.body().get();
            etag = f.etag();
            version = page.version();
            List<String> gone = page.deleted() == null ? List.of() : page.deleted();
            state.database().transaction(c -> {
                catalogue.apply(c, page.items(), gone);
                return null;
            });
            items += page.items().size();
            deleted += gone.size();
            cursor = page.nextCursor();
            first = false;
        } while (cursor != null);
        state.synced(CATALOGUE, version, etag, clock.instant());
        if (items > 0 || deleted > 0) {
            log.info(
                    "Catalogue synced to version {}: {} item(s) changed, {} deleted, {} in all",
                    version,
                    items,
                    deleted,
                    catalogue.count());
        }
        return new Result(
                CATALOGUE,
                items > 0 || deleted > 0,
                items,
                Duration.ofNanos(System.nanoTime() - start),
                Optional.empty());
    }

    /**
     * No ETag: places change all day; two weeks of every bookable item are a few thousand numbers.
     * Kept in {@code appointment_day}, replaced whole when anything changed, so that the days to
     * choose from show while the platform is away.
     */
    private Result availability(long start) throws PlatformException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        var a = client.availability(today, AVAILABILITY_DAYS);
        List<Appointments.DayAvailability> fresh = a.items().stream()
                .sorted(Comparator.comparing(Appointments.DayAvailability::itemId)
                        .thenComparing(Appointments.DayAvailability::date))
                .toList();
        SyncStateRepository.State s = state.get(APPOINTMENT_AVAILABILITY);
        boolean changed = !days.all().equals(fresh);
        state.database().transaction(c -> {
            if (changed) {
                days.replace(c, fresh);
            }
            state.synced(
                    c,
                    APPOINTMENT_AVAILABILITY,
                    changed ? s.version() + 1 : s.version(),
                    Optional.empty(),
                    clock.instant());
            return null;
        });
        return new Result(
                APPOINTMENT_AVAILABILITY,
                changed,
                changed ? fresh.size() : 0,
                Duration.ofNanos(System.nanoTime() - start),
                Optional.empty());
    }

    private Result list(String resource, long start) throws PlatformException {
        SyncStateRepository.State s = state.get(resource);
        Fetched<?> f;
        switch (resource) {
            case DEPARTMENTS:
                f = client.departments(s.etag());
                break;
            case NOTICES:
                f = client.notices(s.etag());
                break;
            case BUSINESS_TYPES:
                f = client.businessTypes(s.etag());
                break;
            default:
                throw new IllegalArgumentException("not a synchronised resource: " + resource);
        }
        if (f.notModified()) {
            state.synced(resource, s.version(), s.etag(), clock.instant());
            return new Result(resource, false, 0, Duration.ofNanos(System.nanoTime() - start), Optional.empty());
        }
        String json = new String(Json.bytes(f.body().get()), StandardCharsets.UTF_8);
        state.database().transaction(c -> {
            state.putReference(c, resource, json);
            state.synced(c, resource, s.version() + 1, f.etag(), clock.instant());
            return null;
        });
        return new Result(resource, true, 1, Duration.ofNanos(System.nanoTime() - start), Optional.empty());
    }

    /** The oldest successful sync among the resources, and whether it is older than {@code staleAfter}. */
    public Freshness freshness(Duration staleAfter) {
        return freshness(state, clock, staleAfter);
    }

    /** As {@link #freshness(Duration)}, from the store alone (no client needed). */
    public static Freshness freshness(SyncStateRepository state, Clock clock, Duration staleAfter) {
        Optional<Instant> oldest = Optional.empty();
        boolean never = false;
        for (String r : RESOURCES) {
            Optional<Instant> at = state.get(r).syncedAt();
            if (at.isEmpty()) {
                never = true;
            } else if (oldest.isEmpty() || at.get().isBefore(oldest.get())) {
                oldest = at;
            }
        }
        boolean stale = never
                || oldest.map(t -> t.plus(staleAfter).isBefore(clock.instant())).orElse(true);
        return new Freshness(never ? Optional.empty() : oldest, stale);
    }
}
