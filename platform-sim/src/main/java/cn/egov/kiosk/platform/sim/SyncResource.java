package cn.egov.kiosk.platform.sim;

import static cn.egov.kiosk.platform.sim.Checks.longParam;
import static cn.egov.kiosk.platform.sim.Checks.require;

import cn.egov.kiosk.platform.api.BusinessTypes;
import cn.egov.kiosk.platform.api.Departments;
import cn.egov.kiosk.platform.api.Notices;
import java.util.Optional;

/**
 * The contract's {@code sync} tag: what a kiosk shows without asking each time, with an ETag
 * each. Owns the catalogue as it changes ({@link CatalogueState}); the departments, notices and
 * business types are the data set's, unchanging.
 */
final class SyncResource implements Resource {
    private final SimContext sim;
    final CatalogueState catalogue;

    SyncResource(SimContext sim) {
        this.sim = sim;
        this.catalogue = new CatalogueState(sim.data.catalogue);
    }

    @Override
    public void register(Routes routes) {
        routes.route(
                "GET",
                "/v1/departments",
                true,
                false,
                c -> tagged(c, "dep-1", new Departments(1, sim.data.departments)));
        routes.route("GET", "/v1/notices", true, false, c -> tagged(c, "not-1", new Notices(1, sim.data.notices)));
        routes.route(
                "GET",
                "/v1/business-types",
                true,
                false,
                c -> tagged(c, "bt-1", new BusinessTypes(1, sim.data.businessTypes)));
        routes.route("GET", "/v1/catalogue", true, false, this::cataloguePage);
    }

    private static Reply tagged(Call c, String etag, Object body) {
        String tag = "\"" + etag + "\"";
        if (c.header("If-None-Match").map(tag::equals).orElse(false)) {
            return Reply.notModified(tag);
        }
        return Reply.ok(body).header("ETag", tag);
    }

    private Reply cataloguePage(Call c) {
        long since = longParam(c, "since", 0);
        int limit = (int) longParam(c, "limit", 500);
        require(limit >= 1 && limit <= 500, "limit is 1 to 500", c);
        Optional<String> cursor = c.queryParam("cursor");
        require(cursor.map(CatalogueState::validCursor).orElse(true), "cursor is not one this platform gave", c);
        long version = catalogue.version();
        String tag = "\"cat-" + version + "\"";
        if (cursor.isEmpty() && c.header("If-None-Match").map(tag::equals).orElse(false)) {
            return Reply.notModified(tag);
        }
        var page = catalogue.page(since, cursor.orElse(null), limit);
        return Reply.ok(page).header("ETag", "\"cat-" + page.version() + "\"");
    }
}
