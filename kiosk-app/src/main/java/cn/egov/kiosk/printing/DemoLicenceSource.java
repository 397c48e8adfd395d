package cn.egov.kiosk.printing;

import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.print.template.Scope;
import cn.egov.kiosk.print.template.TemplateException;
import cn.egov.kiosk.print.template.TemplateLibrary;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * Demo mode's licences: the shipped example licence ({@code licence-example} and its sample data)
 * made out to the citizen who signed in, so that the whole print path (preview, licence printer,
 * audit) can be shown without a platform. Never used outside demo mode.
 */
public final class DemoLicenceSource implements LicenceSource {
    private final TemplateLibrary templates;

    public DemoLicenceSource(TemplateLibrary templates) {
        this.templates = templates;
    }

    @Override
    public List<Licence> licencesOf(Identity citizen) {
        try {
            ObjectNode data = (ObjectNode) templates.sample("licence-example");
            ((ObjectNode) data.with("operator")).put("name", citizen.name());
            String title = templates.get("licence-example").title().evaluate(Scope.of(data), Locale.SIMPLIFIED_CHINESE);
            return List.of(new Licence(
                    "licence-example", title, data, data.path("creditCode").asText("DEMO")));
        } catch (TemplateException e) {
            return List.of();
        }
    }
}
