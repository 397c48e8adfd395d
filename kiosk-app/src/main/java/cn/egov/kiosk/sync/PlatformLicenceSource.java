package cn.egov.kiosk.sync;

import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.platform.api.Licences;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformException;
import cn.egov.kiosk.printing.LicenceSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The citizen's licences from the platform: the printable ones found by the ID number (sent in the
 * body, never in a URL), each with its print data. Nothing is kept beyond the call: the screen
 * holds the licence for the session, so a licence already fetched prints even if the platform goes
 * away meanwhile.
 */
public final class PlatformLicenceSource implements LicenceSource {
    private static final Logger log = LoggerFactory.getLogger(PlatformLicenceSource.class);

    private final Supplier<PlatformClient> client;
    private final PlatformLink link;

    /** @param link told when the platform answers or not, so that the screens say so */
    public PlatformLicenceSource(Supplier<PlatformClient> client, PlatformLink link) {
        this.client = client;
        this.link = link;
    }

    @Override
    public List<Licence> licencesOf(Identity citizen) {
        try {
            List<Licence> out = new ArrayList<>();
            for (Licences.Summary s :
                    client.get().licences(new Licences.Search(citizen.number())).licences()) {
                if (!s.printable()) {
                    continue;
                }
                Licences.PrintData d = client.get().printData(s.licenceId());
                out.add(new Licence(d.template(), s.title(), d.data(), s.licenceId()));
            }
            link.reached();
            return out;
        } catch (PlatformException e) {
            link.failed(e);
            log.warn("The citizen's licences could not be fetched: {}", e.getMessage());
            throw new UnavailableException(e.getMessage(), e);
        }
    }
}
