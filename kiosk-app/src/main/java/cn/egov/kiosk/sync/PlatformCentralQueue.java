package cn.egov.kiosk.sync;

import cn.egov.kiosk.platform.api.QueueNumbers;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import cn.egov.kiosk.queue.CentralQueue;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hall's central queue through the platform. Asked only while the link is online, with the
 * client's short timeouts; any failure gives way to the kiosk's own range at once, so a citizen
 * never waits on a dead network for a ticket.
 */
final class PlatformCentralQueue implements CentralQueue {
    private static final Logger log = LoggerFactory.getLogger(PlatformCentralQueue.class);

    private final Supplier<PlatformClient> client;
    private final PlatformLink link;
    private final Registration registration;

    PlatformCentralQueue(Supplier<PlatformClient> client, PlatformLink link, Registration registration) {
        this.client = client;
        this.link = link;
        this.registration = registration;
    }

    @Override
    public Taken take(String ticketId, String businessType) {
        if (!link.online()) {
            return new NotAsked();
        }
        try {
            QueueNumbers.Issued n = client.get().queueNumber(new QueueNumbers.Request(ticketId, businessType, null));
            link.reached();
            return new Number(n.number(), OptionalInt.of(n.waitingAhead()));
        } catch (PlatformException e) {
            link.failed(e);
            log.warn("The central queue gave no number ({}); issuing from the kiosk's own range", e.getMessage());
            return mayHaveIssued(e) ? new Unanswered() : new NotAsked();
        }
    }

    /**
     * Whether the platform may have issued a number the kiosk never got: the request went out and no
     * answer came (lost, timed out), or the platform failed on it (5xx). Not when nothing was sent
     * (no connection, no credentials) or the platform refused it (4xx).
     */
    static boolean mayHaveIssued(PlatformException e) {
        return switch (e.kind()) {
            case INTERRUPTED, PROTOCOL -> true;
            case PROBLEM -> e.status() >= 500;
            case UNREACHABLE, NOT_REGISTERED -> false;
        };
    }

    @Override
    public String offlinePrefix() {
        return registration.queuePrefix();
    }
}
