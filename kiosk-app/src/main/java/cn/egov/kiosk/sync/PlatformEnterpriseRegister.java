package cn.egov.kiosk.sync;

import cn.egov.kiosk.enterprise.EnterpriseRegister;
import cn.egov.kiosk.platform.api.Enterprise;
import cn.egov.kiosk.platform.api.Enterprises;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's register of market entities ({@code GET /v1/enterprises/{code}}, {@code POST
 * /v1/enterprises/search}, the name in the body), asked with the client of short timeouts that the
 * calls a citizen waits for use. While the link is known to be offline (or the kiosk not registered)
 * it is not asked at all: the citizen is told at once instead of after a timeout; the link's own
 * watch notices the platform's return. Every answer, or its absence, is told to the {@link
 * PlatformLink}. The log says how a lookup ended, never the entity's data nor what was typed.
 */
public final class PlatformEnterpriseRegister implements EnterpriseRegister {
    private static final Logger log = LoggerFactory.getLogger(PlatformEnterpriseRegister.class);

    private final Supplier<PlatformClient> client;
    private final PlatformLink link;

    /** @param link told when the platform answers or not, so that the screens say so */
    public PlatformEnterpriseRegister(Supplier<PlatformClient> client, PlatformLink link) {
        this.client = client;
        this.link = link;
    }

    @Override
    public Optional<Enterprise> byCode(String creditCode) {
        notWhileAway();
        try {
            Enterprise found = client.get().enterprise(creditCode);
            link.reached();
            log.info("Enterprise register: one entity found by its credit code");
            return Optional.of(found);
        } catch (PlatformException e) {
            if (e.kind() == PlatformException.Kind.PROBLEM && e.status() == 404 && Problem.NOT_FOUND.equals(e.code())) {
                link.reached();
                log.info("Enterprise register: no entity has the credit code asked for");
                return Optional.empty();
            }
            throw unavailable("by credit code", e);
        }
    }

    @Override
    public Matches byName(String name) {
        notWhileAway();
        try {
            Enterprises.Found found = client.get().enterprises(new Enterprises.Search(name));
            link.reached();
            Matches m = new Matches(found.enterprises() == null ? List.of() : found.enterprises(), found.total());
            log.info(
                    "Enterprise register: {} of {} entities found by name",
                    m.enterprises().size(),
                    m.total());
            return m;
        } catch (PlatformException e) {
            throw unavailable("by name", e);
        }
    }

    /** The link already knows the platform away, or the kiosk refused: no call, no wait. */
    private void notWhileAway() {
        switch (link.status().state()) {
            case OFFLINE -> throw new UnavailableException(Reason.AWAY, "the platform is offline: not asked", null);
            case NOT_REGISTERED ->
                throw new UnavailableException(Reason.NOT_REGISTERED, "the kiosk is not registered: not asked", null);
            case NONE, STARTING, ONLINE -> {}
        }
    }

    /**
     * Tells the link what the failure says (as {@link PlatformLink#failed} would, but in words without
     * the request's path, which holds the code asked for) and says why there is no answer.
     */
    private UnavailableException unavailable(String how, PlatformException e) {
        String detail = "enterprise lookup " + how + ": " + e.kind() + " " + e.status() + " " + e.code();
        Reason reason;
        if (e.authRefused()) {
            link.notRegistered(detail);
            reason = Reason.NOT_REGISTERED;
        } else if (e.offline()) {
            link.unreachable(detail);
            reason = Reason.AWAY;
        } else {
            link.reached();
            reason = e.retryable() ? Reason.AWAY : Reason.REFUSED;
        }
        log.warn("Enterprise register: no answer to the lookup {} ({}: {})", how, reason, detail);
        return new UnavailableException(reason, detail, e);
    }
}
