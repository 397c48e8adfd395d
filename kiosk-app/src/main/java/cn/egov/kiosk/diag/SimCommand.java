package cn.egov.kiosk.diag;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code kiosk sim DEVICE ...}: plays a device on a real port, for checking a kiosk's wiring. */
@Command(
        name = "sim",
        mixinStandardHelpOptions = true,
        description = "Plays a device on a real port (for an engineer's wiring check, and the tests).",
        subcommands = {SimIdReaderCommand.class, SimScannerCommand.class, SimPaymentTerminalCommand.class})
public final class SimCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
