package cn.egov.kiosk.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A benchmark that comes with an optional part of the installation (the demo's platform benchmark,
 * which needs the platform simulator), found through {@link ServiceLoader} by {@code ./kiosk bench}.
 */
public interface BenchProvider {
    /** Its name for {@code --only}. */
    String name();

    /** What it measures, in a line, for the progress output. */
    String describe(BenchOptions options);

    /** Runs it in {@code scratch} and gives its figures. */
    List<Figure> run(BenchOptions options, Path scratch) throws Exception;

    /** The options of {@code ./kiosk bench} a benchmark may use. */
    record BenchOptions(int runs, int tickets, int reads, int records) {}
}
