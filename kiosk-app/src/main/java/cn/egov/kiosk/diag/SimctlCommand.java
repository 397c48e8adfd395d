package cn.egov.kiosk.diag;

import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.runtime.SimulatorControl;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk simctl [DEVICE COMMAND [ARGUMENT]]}: drives the simulated devices of the kiosk that
 * is running with the same configuration, for demonstrations and training.
 */
@Command(
        name = "simctl",
        mixinStandardHelpOptions = true,
        description = {
            "Drives the simulated devices of a running kiosk (demo mode, training).",
            "Without arguments: the simulated devices, their state and their commands.",
            "Examples: simctl ticket-printer paper-out | simctl ticket-printer paper-ok | simctl qr-scanner scan 12345",
            "Exit 0 done, 1 refused by the simulator, 2 bad configuration or no running kiosk."
        })
public final class SimctlCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "The running kiosk's configuration (default: demo).")
    Path config;

    @Parameters(arity = "0..*", paramLabel = "DEVICE COMMAND [ARGUMENT]")
    List<String> words = new ArrayList<>();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<KioskConfig> found = Subcommands.loadConfig(spec, config, err);
        if (found.isEmpty()) {
            return 2;
        }
        KioskConfig loaded = found.get();
        Path socket = loaded.storage().dataDir().resolve(SimulatorControl.SOCKET_NAME);
        String answer;
        try {
            answer = SimulatorControl.send(socket, String.join(" ", words));
        } catch (IOException e) {
            err.println("No running kiosk with simulated devices answers at " + socket + " (" + e.getMessage() + ").");
            err.println("Start it first (./kiosk" + (config != null ? " --config " + config : "")
                    + "), with the same configuration.");
            err.flush();
            return 2;
        }
        out.print(answer);
        out.flush();
        return answer.startsWith("ERROR") ? 1 : 0;
    }
}
