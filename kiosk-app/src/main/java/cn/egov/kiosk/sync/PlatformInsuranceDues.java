package cn.egov.kiosk.sync;

import cn.egov.kiosk.insurance.DuesSource;
import cn.egov.kiosk.platform.api.InsuranceDues;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 社保缴费's dues from the platform ({@code POST /v1/insurance-dues/search}), with the client for
 * calls a citizen waits on. An offline kiosk does not make the citizen wait for a timeout: it says at
 * once that the platform cannot be asked; any refusal is "cannot be asked" too (the dues are not
 * known). The ID number goes in the body and is never logged.
 */
public final class PlatformInsuranceDues implements DuesSource {
    private static final Logger log = LoggerFactory.getLogger(PlatformInsuranceDues.class);

    private final Supplier<PlatformClient> client;
    private final PlatformLink link;

    public PlatformInsuranceDues(Supplier<PlatformClient> client, PlatformLink link) {
        this.client = client;
        this.link = link;
    }

    @Override
    public List<InsuranceDues.Due> of(String idNumber) throws Unreachable {
        PlatformLink.State state = link.status().state();
        if (state != PlatformLink.State.ONLINE && state != PlatformLink.State.STARTING) {
            throw new Unreachable("the platform is " + state, null);
        }
        try {
            InsuranceDues.Found found = client.get().insuranceDues(new InsuranceDues.Search(idNumber));
            link.reached();
            return found.dues() == null ? List.of() : found.dues();
        } catch (PlatformException e) {
            link.failed(e);
            if (!e.offline() && !e.authRefused()) {
                log.warn("Insurance dues: the platform answered {} ({})", e.code(), e.status());
            }
            throw new Unreachable(e.code() + " (" + e.status() + ")", e);
        }
    }
}
