package cn.egov.kiosk.e2e;

import cn.egov.kiosk.config.ConfigLoader;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.printer.ReceiptPrinter;
import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.queue.IssueOutcome;
import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.sync.PlatformServices;
import cn.egov.kiosk.sync.SampleApplications;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * A kiosk without a screen, for the crash and offline tests: it runs operations {@code from} to
 * {@code to} (a queue ticket, an application, an audit event, in turn) against its platform, and
 * reports each on stdout before ({@code BEGIN kind id}) and after it is confirmed to the citizen
 * ({@code OK kind id}). Then it waits until its outbox is empty ({@code DRAINED}) and exits.
 *
 * <p>Arguments: config file, from, to, pause between operations in ms, item id for applications.
 */
public final class OutboxWorkerMain {
    private OutboxWorkerMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        KioskConfig config = ConfigLoader.load(Path.of(args[0]));
        int from = Integer.parseInt(args[1]);
        int to = Integer.parseInt(args[2]);
        long pauseMs = Long.parseLong(args[3]);
        String itemId = args[4];
        KioskRuntime runtime =
                new KioskRuntime(config, Clock.systemUTC(), new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)));
        // no window here: the platform from the first moment (before runtime.start(), whose own start of
        // it is then a no-op), so that kills land in the middle of deliveries too
        runtime.platform().orElseThrow().startNow();
        runtime.start();
        while (runtime.devices()
                .first(DeviceClass.RECEIPT_PRINTER, ReceiptPrinter.class)
                .map(p -> !p.isEnabled())
                .orElse(true)) {
            Thread.sleep(20);
        }
        PlatformServices platform = runtime.platform().orElseThrow();
        // ready once the platform has answered too (registered, clock checked): the kills after READY
        // land among operations and deliveries, whatever this machine's speed; the kills at a random
        // moment of the start-up (afterReadyMs -1) still cover connecting
        long linkDeadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!platform.link().status().online() && System.nanoTime() < linkDeadline) {
            Thread.sleep(20);
        }
        out.println("READY " + from);
        Random random = new Random(from);
        for (int i = from; i < to; i++) {
            switch (i % 3) {
                case 0: {
                    out.println("BEGIN ticket " + i);
                    IssueOutcome o = runtime.tickets()
                            .issue(i % 2 == 0 ? "A" : "B", Locale.SIMPLIFIED_CHINESE, Optional.empty());
                    if (o instanceof IssueOutcome.Issued issued) {
                        out.println("OK ticket " + issued.ticket().id() + " "
                                + issued.ticket().number() + " " + i);
                    } else {
                        out.println("NOTOK ticket " + o + " " + i);
                    }
                    break;
                }
                case 1: {
                    String id = UUID.randomUUID().toString();
                    out.println("BEGIN application " + id + " " + i);
                    var applicant = new Applications.Applicant(
                            Applications.IdType.RESIDENT, "11010519491231002X", "王小明", "13800138000", "北京市东城区示例大街1号");
                    var form = SampleApplications.form("测试申请 " + i);
                    platform.applications().submit(id, itemId, applicant, form, List.of());
                    out.println("OK application " + id + " " + i);
                    break;
                }
                default: {
                    String id = UUID.randomUUID().toString();
                    out.println("BEGIN audit " + id + " " + i);
                    platform.audit().record(id, runtime.clock().instant(), "test.op", "SYSTEM", Map.of("op", i));
                    out.println("OK audit " + id + " " + i);
                }
            }
            if (pauseMs > 0) {
                Thread.sleep(pauseMs / 2 + random.nextInt((int) pauseMs));
            }
        }
        out.println("DONE");
        while (platform.outbox().counts().pending() > 0) {
            Thread.sleep(50);
        }
        out.println("DRAINED dead=" + platform.outbox().counts().dead());
        runtime.close();
        System.exit(0);
    }
}
