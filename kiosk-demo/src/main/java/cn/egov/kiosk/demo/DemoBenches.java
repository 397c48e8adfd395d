package cn.egov.kiosk.demo;

import cn.egov.kiosk.bench.BenchProvider;
import cn.egov.kiosk.bench.Figure;
import java.nio.file.Path;
import java.util.List;

/** {@code ./kiosk bench --only platform}: the outbox and the down-sync against the platform simulator. */
public final class DemoBenches implements BenchProvider {
    @Override
    public String name() {
        return "platform";
    }

    @Override
    public String describe(BenchOptions options) {
        return "platform (" + options.records() + " outbox records, catalogue of 1,500)";
    }

    @Override
    public List<Figure> run(BenchOptions options, Path scratch) throws Exception {
        return new PlatformBench(options.records()).run(scratch);
    }
}
