package cn.egov.kiosk.sync;

import cn.egov.kiosk.device.sim.Simulator;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded platform simulator under {@code ./kiosk simctl platform ...}, beside the simulated
 * devices: a trainer takes the platform down to show the kiosk working offline.
 */
final class PlatformSimulatorControl implements Simulator {
  private final java.util.function.Supplier<java.util.Optional<PlatformSimulator>> simulator;

  /** @param simulator the embedded simulator, once it runs (it starts in the background) */
  PlatformSimulatorControl(java.util.function.Supplier<java.util.Optional<PlatformSimulator>> simulator) {
    this.simulator = simulator;
  }

  private PlatformSimulator sim() {
    return simulator.get().orElseThrow(() -> new IllegalArgumentException("the platform simulator is still starting; try again in a moment"));
  }

  @Override
  public String deviceId() {
    return "platform";
  }

  @Override
  public Map<String, String> commands() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("down", "the platform goes away (connections refused) for SECONDS (default 300)");
    c.put("up", "the platform is back");
    c.put("errors", "the next N requests answer 500 (default 10)");
    c.put("rate-limit", "the next N requests answer 429 with Retry-After: 5 (default 10)");
    c.put("slow", "every answer waits MS milliseconds (default 3000; 0 to stop)");
    c.put("clear", "no more faults");
    return c;
  }

  @Override
  public void apply(String command, String argument) {
    PlatformSimulator sim = sim();
    switch (command) {
      case "down":
        sim.down(Duration.ofSeconds(number(argument, 300)));
        break;
      case "up":
        try {
          sim.up();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        break;
      case "errors":
        sim.faults().errors((int) number(argument, 10));
        break;
      case "rate-limit":
        sim.faults().rateLimit((int) number(argument, 10), 5);
        break;
      case "slow":
        sim.faults().latency(Duration.ofMillis(number(argument, 3000)));
        break;
      case "clear":
        sim.faults().clear();
        break;
      default:
        throw new IllegalArgumentException("unknown command \"" + command + "\"");
    }
  }

  private static long number(String argument, long fallback) {
    if (argument.isBlank()) {
      return fallback;
    }
    try {
      long n = Long.parseLong(argument.strip());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + argument + "\" is not a whole number of 0 or more");
    }
  }

  @Override
  public String describe() {
    java.util.Optional<PlatformSimulator> running = simulator.get();
    if (running.isEmpty()) {
      return "platform simulator starting";
    }
    PlatformSimulator sim = running.get();
    return "platform simulator on " + sim.url() + (sim.isUp() ? ", up" : ", DOWN") + ", " + sim.catalogueSize() + " catalogue items, "
        + sim.requests() + " requests";
  }
}
