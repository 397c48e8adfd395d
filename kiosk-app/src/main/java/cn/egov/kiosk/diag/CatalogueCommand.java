package cn.egov.kiosk.diag;

import cn.egov.kiosk.catalogue.CatalogueIndex;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.store.CatalogueRepository;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.SyncStateRepository;
import cn.egov.kiosk.sync.DownSync;
import cn.egov.kiosk.sync.PlatformServices;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk catalogue [search TEXT] [--json]}: what the kiosk offers, from its local copy of the
 * platform's catalogue, for staff and engineers. In demo mode an empty copy is synced from the
 * embedded simulator first (a fresh demo checkout); a real kiosk's copy is the kiosk's to sync.
 */
@Command(
        name = "catalogue",
        mixinStandardHelpOptions = true,
        description = {
            "Says how many items the kiosk's local copy of the catalogue holds and how old it is; with",
            "search TEXT, searches it as the screen does (characters, pinyin, initials, one slip).",
            "In demo mode an empty copy is synced from the embedded platform first (a real kiosk syncs its",
            "own when it runs). Exit 0 done, 1 nothing found or no copy,",
            "2 bad configuration."
        })
public final class CatalogueCommand implements Callable<Integer> {
    private static final int SHOWN = 20;

    @Option(names = "--config", paramLabel = "FILE", description = "The kiosk's configuration (default: demo).")
    Path config;

    @Option(names = "--json", description = "Print JSON instead of lines.")
    boolean json;

    @Parameters(arity = "0..*", paramLabel = "search TEXT", description = "search, then what to look for")
    List<String> words = List.of();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!words.isEmpty() && (!words.get(0).equals("search") || words.size() < 2)) {
            err.println("catalogue: say `catalogue` alone, or `catalogue search TEXT`");
            err.flush();
            return 2;
        }
        Optional<KioskConfig> found = Subcommands.loadConfig(spec, config, err);
        if (found.isEmpty()) {
            return 2;
        }
        KioskConfig loaded = found.get();
        try (Database db = Database.open(loaded.storage().database())) {
            CatalogueRepository catalogue = new CatalogueRepository(db);
            if (catalogue.count() == 0
                    && loaded.platform().map(p -> p.embedded()).orElse(false)) {
                // a fresh demo checkout: the embedded simulator has the copy. A real platform is left
                // to the kiosk itself: registering and syncing from a shell command beside a running
                // kiosk would use its one-time code and its key behind its back.
                err.println(
                        "catalogue: the local copy is empty; syncing from the platform (the embedded simulator)...");
                err.flush();
                try (PlatformServices platform = new PlatformServices(
                        loaded.platform().get(),
                        db,
                        Clock.systemUTC(),
                        loaded.kiosk().timeZone(),
                        loaded.kiosk().id(),
                        List::of)) {
                    platform.checkNow();
                }
            }
            List<Catalogue.Item> items = catalogue.all();
            DownSync.Freshness freshness = DownSync.freshness(
                    new SyncStateRepository(db),
                    Clock.systemUTC(),
                    Duration.ofHours(
                            loaded.platform().map(p -> p.staleAfterHours()).orElse(24)));
            if (words.isEmpty()) {
                return summary(out, items, freshness);
            }
            return search(out, items, String.join(" ", words.subList(1, words.size())));
        }
    }

    private int summary(PrintWriter out, List<Catalogue.Item> items, DownSync.Freshness freshness) throws Exception {
        long kiosk = items.stream().filter(Catalogue.Item::kioskCapable).count();
        if (json) {
            ObjectNode doc = new ObjectMapper().createObjectNode();
            doc.put("items", items.size());
            doc.put("kioskCapable", kiosk);
            doc.put("syncedAt", freshness.oldestSync().map(Object::toString).orElse(null));
            doc.put("stale", freshness.stale());
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(doc));
        } else {
            out.printf(
                    "catalogue: %d items (%d doable at the kiosk), synced %s%s%n",
                    items.size(),
                    kiosk,
                    freshness.oldestSync().map(Object::toString).orElse("never"),
                    freshness.stale() ? " (stale)" : "");
        }
        out.flush();
        return items.isEmpty() ? 1 : 0;
    }

    private int search(PrintWriter out, List<Catalogue.Item> items, String text) throws Exception {
        List<CatalogueIndex.Hit> hits = CatalogueIndex.of(items).search(text, SHOWN);
        if (json) {
            ArrayNode doc = new ObjectMapper().createArrayNode();
            for (CatalogueIndex.Hit h : hits) {
                doc.addObject()
                        .put("id", h.item().id())
                        .put("name", h.item().name())
                        .put("department", h.item().departmentName())
                        .put("kioskCapable", h.item().kioskCapable())
                        .put("score", h.score())
                        .put("why", h.why().name());
            }
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(doc));
        } else {
            for (CatalogueIndex.Hit h : hits) {
                out.printf(
                        "%3d  %-12s %s  (%s)%s%n",
                        h.score(),
                        h.item().id(),
                        h.item().name(),
                        h.item().departmentName(),
                        h.item().kioskCapable() ? "  [kiosk]" : "");
            }
            if (hits.isEmpty()) {
                out.println("catalogue: nothing found for \"" + text + "\" in " + items.size() + " items");
            }
        }
        out.flush();
        return hits.isEmpty() ? 1 : 0;
    }
}
