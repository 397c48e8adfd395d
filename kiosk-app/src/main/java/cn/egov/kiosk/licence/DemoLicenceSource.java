package cn.egov.kiosk.licence;

import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.print.template.Scope;
import cn.egov.kiosk.print.template.TemplateException;
import cn.egov.kiosk.print.template.TemplateLibrary;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Demo mode's licences without a platform: the shipped example licence ({@code licence-example} and
 * its sample data) made out to the citizen who signed in, so that the whole print path (preview,
 * licence printer, audit) can be shown. It can be printed again as a copy; it cannot be mailed (the
 * post is ordered through the platform). Never used outside demo mode.
 */
public final class DemoLicenceSource implements LicenceSource {
    private static final String TEMPLATE = "licence-example";

    private final TemplateLibrary templates;

    public DemoLicenceSource(TemplateLibrary templates) {
        this.templates = templates;
    }

    @Override
    public List<Held> heldBy(Identity citizen) {
        try {
            ObjectNode data = (ObjectNode) templates.sample(TEMPLATE);
            String title = templates.get(TEMPLATE).title().evaluate(Scope.of(data), Locale.SIMPLIFIED_CHINESE);
            return List.of(new Held(
                    data.path("creditCode").asText("DEMO"),
                    TEMPLATE,
                    title,
                    data.path("authority").asText(""),
                    Optional.empty(),
                    Optional.empty(),
                    true,
                    Status.WAITING,
                    true,
                    Optional.empty()));
        } catch (TemplateException e) {
            return List.of();
        }
    }

    @Override
    public Licence printData(Held held) {
        // made out to nobody in particular: the screen's citizen is not known here, the sample's name stays
        try {
            ObjectNode data = (ObjectNode) templates.sample(TEMPLATE);
            data.put("copy", held.printsCopy());
            return new Licence(TEMPLATE, held.title(), data, held.licenceId(), held.printsCopy());
        } catch (TemplateException e) {
            throw new UnavailableException("the example licence's template: " + e.getMessage(), e);
        }
    }

    @Override
    public void collected(Held held, boolean copy) {
        // nobody to tell without a platform
    }

    @Override
    public Mailed mail(Held held, Recipient recipient, String orderRef) {
        throw new UnavailableException("the post is ordered through the platform, and this demo has none", null);
    }
}
