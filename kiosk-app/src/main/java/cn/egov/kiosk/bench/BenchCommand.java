package cn.egov.kiosk.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code kiosk bench [--json]}: the project's benchmarks, one figure per line. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Runs the benchmarks and prints one line per figure.")
public final class BenchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
