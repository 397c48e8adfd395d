package cn.egov.kiosk.sync;

import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import cn.egov.kiosk.progress.ProgressSource;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 办件进度 from the platform ({@code POST /v1/progress/search}), with the client for calls a citizen
 * waits on. An offline kiosk does not make the citizen wait for a timeout: it says at once that the
 * platform cannot be asked. A query code the platform does not take (not found, or not a code it
 * knows) is no application: an empty answer. The ID number goes in the body and is never logged.
 */
public final class PlatformProgressSource implements ProgressSource {
    private static final Logger log = LoggerFactory.getLogger(PlatformProgressSource.class);

    private final Supplier<PlatformClient> client;
    private final PlatformLink link;

    public PlatformProgressSource(Supplier<PlatformClient> client, PlatformLink link) {
        this.client = client;
        this.link = link;
    }

    @Override
    public List<Applications.Progress> ofApplicant(String idNumber) throws Unreachable {
        return search(new Applications.ProgressSearch(idNumber, null, null));
    }

    @Override
    public List<Applications.Progress> ofQueryCode(String queryCode) throws Unreachable {
        return search(new Applications.ProgressSearch(null, null, queryCode));
    }

    private List<Applications.Progress> search(Applications.ProgressSearch search) throws Unreachable {
        PlatformLink.State state = link.status().state();
        if (state != PlatformLink.State.ONLINE && state != PlatformLink.State.STARTING) {
            throw new Unreachable("the platform is " + state, null);
        }
        try {
            Applications.ProgressList found = client.get().progress(search);
            link.reached();
            return found.applications() == null ? List.of() : found.applications();
        } catch (PlatformException e) {
            link.failed(e);
            if (e.offline() || e.authRefused()) {
                throw new Unreachable(e.code() + " (" + e.status() + ")", e);
            }
            if (search.queryCode() != null
                    && (e.status() == 404
                            || Problem.NOT_FOUND.equals(e.code())
                            || Problem.VALIDATION.equals(e.code()))) {
                log.info("{}: the platform does not know the code ({})", search, e.code());
                return List.of();
            }
            // another answer (rate limited, a refusal nobody foresaw): the progress is not known now
            log.warn("{}: the platform answered {} ({})", search, e.code(), e.status());
            throw new Unreachable(e.code() + " (" + e.status() + ")", e);
        }
    }
}
