package cn.egov.kiosk.sync;

import cn.egov.kiosk.address.Division;
import cn.egov.kiosk.address.Level;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.licence.LicenceSource;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Licences;
import cn.egov.kiosk.platform.api.PostalOrders;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import cn.egov.kiosk.store.OutboxRepository;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The citizen's licences from the platform: every one they hold, found by the ID number (sent in
 * the body, never in a URL); the data of one to print; the collection told through the outbox (in
 * the same store as everything else the platform must hear, so a network away now loses nothing);
 * the free postal delivery ordered with the kiosk's reference as the idempotency key. What this
 * kiosk printed or mailed is remembered (by licence id only) until the platform says so itself, so
 * that a licence printed a minute ago is not offered as waiting while its record is on its way.
 */
public final class PlatformLicenceSource implements LicenceSource {
    private static final Logger log = LoggerFactory.getLogger(PlatformLicenceSource.class);

    private final Supplier<PlatformClient> client;
    private final PlatformLink link;
    private final Optional<OutboxRepository> outbox;
    private final Runnable wakeSender;
    private final Clock clock;
    /** Licence id → what this kiosk did with it, until the platform's list agrees. */
    private final Map<String, Status> doneHere = new ConcurrentHashMap<>();

    /** @param link told when the platform answers or not, so that the screens say so */
    public PlatformLicenceSource(
            Supplier<PlatformClient> client,
            PlatformLink link,
            Optional<OutboxRepository> outbox,
            Runnable wakeSender,
            Clock clock) {
        this.client = client;
        this.link = link;
        this.outbox = outbox;
        this.wakeSender = wakeSender;
        this.clock = clock;
    }

    /** Reading only (a form's business licence): nothing is collected or mailed through it. */
    public PlatformLicenceSource(Supplier<PlatformClient> client, PlatformLink link) {
        this(client, link, Optional.empty(), () -> {}, Clock.systemUTC());
    }

    @Override
    public List<Held> heldBy(Identity citizen) {
        try {
            List<Held> out = new ArrayList<>();
            for (Licences.Summary s :
                    client.get().licences(new Licences.Search(citizen.number())).licences()) {
                out.add(held(s));
            }
            link.reached();
            return out;
        } catch (PlatformException e) {
            throw unavailable("The citizen's licences could not be fetched", e);
        }
    }

    private Held held(Licences.Summary s) {
        Status status = s.status() == null
                ? Status.WAITING
                : switch (s.status()) {
                    case WAITING -> Status.WAITING;
                    case COLLECTED -> Status.COLLECTED;
                    case MAILED -> Status.MAILED;
                };
        Status here = doneHere.get(s.licenceId());
        if (here != null) {
            if (status == Status.WAITING) {
                status = here; // the platform has not heard yet
            } else {
                doneHere.remove(s.licenceId()); // it has
            }
        }
        return new Held(
                s.licenceId(),
                s.type() == null ? "" : s.type(),
                s.title(),
                s.issuer() == null ? "" : s.issuer(),
                Optional.ofNullable(s.issuedOn()),
                Optional.ofNullable(s.validUntil()),
                s.printable(),
                status,
                s.reprint() == Licences.Reprint.COPY,
                Optional.ofNullable(s.trackingNumber()));
    }

    @Override
    public Licence printData(Held held) {
        try {
            Licences.PrintData d = client.get().printData(held.licenceId());
            link.reached();
            boolean copy = d.copy() || held.printsCopy();
            ObjectNode data = d.data() instanceof ObjectNode o
                    ? o.deepCopy()
                    : Json.mapper().createObjectNode();
            data.put("copy", copy);
            if (d.verificationCode() != null && !data.has("verificationCode")) {
                data.put("verificationCode", d.verificationCode());
            }
            return new Licence(d.template(), held.title(), data, held.licenceId(), copy);
        } catch (PlatformException e) {
            refusal(e).ifPresent(r -> {
                link.reached();
                throw new RefusedException(r, e.code());
            });
            throw unavailable("The licence's print data could not be fetched", e);
        }
    }

    @Override
    public void collected(Held held, boolean copy) {
        doneHere.put(held.licenceId(), Status.COLLECTED);
        if (outbox.isEmpty()) {
            return;
        }
        String id = UUID.randomUUID().toString();
        OffsetDateTime at = OffsetDateTime.now(clock);
        var body = new Licences.Collected(id, held.licenceId(), copy, at);
        outbox.get()
                .append(new OutboxRepository.New(
                        Batch.LICENCE_COLLECTED, "licences", id, at.toInstant(), Json.bytes(body), false));
        wakeSender.run();
        log.info(
                "Licence {} collected{}: the platform is told through the outbox",
                held.licenceId(),
                copy ? " (a copy)" : "");
    }

    @Override
    public Mailed mail(Held held, Recipient recipient, String orderRef) {
        var a = recipient.address();
        var order = new PostalOrders.Create(
                orderRef,
                held.licenceId(),
                null,
                new PostalOrders.Recipient(
                        recipient.name(),
                        recipient.phone(),
                        a.at(Level.PROVINCE).map(Division::name).orElse(""),
                        a.at(Level.CITY).map(Division::name).orElse(""),
                        a.at(Level.DISTRICT).map(Division::name).orElse(""),
                        a.text(),
                        null));
        try {
            PostalOrders.Order o = client.get().postalOrder(order);
            link.reached();
            if (o.orderId() == null
                    || o.trackingNumber() == null
                    || o.trackingNumber().isBlank()) {
                // the contract's required fields: an order the citizen cannot follow is no order to show
                log.warn(
                        "The postal order for licence {} came back without its order id or tracking number",
                        held.licenceId());
                throw new UnavailableException("the postal order's answer has no tracking number", null);
            }
            doneHere.put(held.licenceId(), Status.MAILED);
            log.info("Licence {} mailed: order {}", held.licenceId(), o.orderId());
            return new Mailed(o.orderId(), o.trackingNumber(), o.carrier(), Optional.<LocalDate>empty());
        } catch (PlatformException e) {
            refusal(e).ifPresent(r -> {
                link.reached();
                throw new RefusedException(r, e.code());
            });
            throw unavailable("The postal order could not be placed", e);
        }
    }

    private static Optional<Refusal> refusal(PlatformException e) {
        return switch (e.code()) {
            case Problem.LICENCE_COLLECTED -> Optional.of(Refusal.COLLECTED);
            case Problem.LICENCE_MAILED -> Optional.of(Refusal.MAILED);
            default -> Optional.empty();
        };
    }

    private UnavailableException unavailable(String what, PlatformException e) {
        link.failed(e);
        log.warn("{}: {}", what, e.getMessage());
        return new UnavailableException(e.getMessage(), e);
    }
}
