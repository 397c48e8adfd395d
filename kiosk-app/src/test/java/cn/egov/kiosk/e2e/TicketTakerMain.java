package cn.egov.kiosk.e2e;

import cn.egov.kiosk.config.ConfigLoader;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.printer.ReceiptPrinter;
import cn.egov.kiosk.queue.IssueOutcome;
import cn.egov.kiosk.runtime.KioskRuntime;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A kiosk without a screen that takes queue numbers as fast as the printer allows and reports
 * each one confirmed to the citizen on stdout: {@code ISSUED A001}. The restart test kills it.
 */
public final class TicketTakerMain {
    private TicketTakerMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        KioskConfig config = ConfigLoader.load(Path.of(args[0]));
        KioskRuntime runtime =
                new KioskRuntime(config, Clock.systemUTC(), new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)));
        runtime.start();
        while (runtime.devices()
                .first(DeviceClass.RECEIPT_PRINTER, ReceiptPrinter.class)
                .map(p -> !p.isEnabled())
                .orElse(true)) {
            Thread.sleep(20);
        }
        out.println("READY");
        while (true) {
            IssueOutcome outcome = runtime.tickets().issue("A", Locale.SIMPLIFIED_CHINESE, Optional.empty());
            if (outcome instanceof IssueOutcome.Issued issued) {
                out.println("ISSUED " + issued.ticket().number());
            } else {
                out.println("FAILED " + outcome);
            }
        }
    }
}
