package cn.egov.kiosk.bench;

import cn.egov.kiosk.config.ConfigException;
import cn.egov.kiosk.config.ConfigLoader;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.link.PtyPair;
import cn.egov.kiosk.device.link.SerialLink;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.printer.ReceiptPrinter;
import cn.egov.kiosk.device.printer.escpos.EscPos;
import cn.egov.kiosk.device.printer.escpos.VirtualEscPosPrinter;
import cn.egov.kiosk.device.sim.SimulatedReceiptPrinter;
import cn.egov.kiosk.queue.IssueOutcome;
import cn.egov.kiosk.runtime.KioskRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Time from the citizen's 取号 confirmation (the call to issue a ticket) to the last byte of the
 * ticket arriving at the printer: on the simulated printer (in-memory pipe), and through the real
 * ESC/POS driver on a pseudo-terminal at 115200 baud next to the wire time of the bytes themselves
 * (status request and answer plus the ticket, 10 bits a byte).
 */
final class TicketBench {
    private static final int BAUD = 115200;
    private static final int STATUS_BYTES = EscPos.FULL_STATUS_REQUEST.length + 4;

    private final int tickets;

    TicketBench(int tickets) {
        this.tickets = tickets;
    }

    List<Figure> run(Path scratch) throws IOException, ConfigException, InterruptedException {
        List<Figure> figures = new ArrayList<>();
        figures.add(onSimulator(scratch.resolve("sim")));
        figures.addAll(onPseudoTerminal(scratch.resolve("pty")));
        return figures;
    }

    private Figure onSimulator(Path dir) throws ConfigException, InterruptedException {
        String devices =
                "devices:\n  ticket-printer: {class: receipt-printer, driver: sim, connection: \"sim:\", options: {jobTimeoutMs: 5000}}\n";
        try (KioskRuntime runtime = runtime(dir, devices)) {
            VirtualEscPosPrinter printer = runtime.simulators()
                    .find("ticket-printer", SimulatedReceiptPrinter.class)
                    .orElseThrow()
                    .printer();
            double[] ms = measure(runtime, printer, new int[1], new double[tickets]);
            return Figure.of(
                    "ticket.sim.confirm-to-last-byte",
                    Stats.median(ms),
                    "ms",
                    "simulated printer, median of " + tickets + ", p95 "
                            + String.format(Locale.ROOT, "%.2f", Stats.percentile(ms, 95)) + " ms");
        }
    }

    private List<Figure> onPseudoTerminal(Path dir) throws ConfigException, InterruptedException {
        PtyPair pty;
        try {
            pty = PtyPair.start(dir.resolve("pty"));
        } catch (IOException e) {
            return List.of(Figure.skipped("ticket.pty115200.confirm-to-last-byte", e.getMessage()));
        }
        VirtualEscPosPrinter printer = new VirtualEscPosPrinter();
        printer.serve(new SerialLink(pty.devicePath(), BAUD, 8, SerialLink.Parity.NONE, 1), "bench-virtual-printer");
        String devices = "devices:\n  ticket-printer: {class: receipt-printer, driver: escpos, connection: \"serial:"
                + pty.hostPath()
                + "?baud="
                + BAUD
                + "\", options: {jobTimeoutMs: 5000}}\n";
        try (KioskRuntime runtime = runtime(dir, devices)) {
            int[] bytes = new int[1];
            double[] done = new double[tickets];
            double[] ms = measure(runtime, printer, bytes, done);
            double wireMs = (bytes[0] + STATUS_BYTES) * 10.0 * 1000 / BAUD;
            return List.of(
                    Figure.against(
                            "ticket.pty115200.confirm-to-last-byte",
                            Stats.median(ms),
                            wireMs,
                            "ms",
                            "real ESC/POS driver on a socat pseudo-terminal, " + bytes[0] + " ticket bytes + "
                                    + STATUS_BYTES
                                    + " status bytes; baseline: their wire time at 115200 baud. A pseudo-terminal does not pace"
                                    + " bytes at the baud rate, so the ratio is the driver's own cost"),
                    Figure.against(
                            "ticket.pty115200.confirm-to-done",
                            Stats.median(done),
                            wireMs,
                            "ms",
                            "until the number is handed out: the printer has answered the end-of-job request (GS r 1)"
                                    + " and the status after it"));
        } finally {
            printer.stop();
            pty.close();
        }
    }

    /** Per ticket: ms to the last byte at the printer; {@code done} gets ms until issue() returned. */
    private double[] measure(KioskRuntime runtime, VirtualEscPosPrinter printer, int[] bytes, double[] done) {
        // one warm-up ticket: class loading and JIT are not what a citizen waits for at 3 a.m.
        runtime.tickets().issue("A", Locale.SIMPLIFIED_CHINESE, Optional.empty());
        double[] ms = new double[tickets];
        for (int i = 0; i < tickets; i++) {
            long start = System.nanoTime();
            IssueOutcome outcome = runtime.tickets().issue("A", Locale.SIMPLIFIED_CHINESE, Optional.empty());
            if (!(outcome instanceof IssueOutcome.Issued issued)) {
                throw new IllegalStateException("ticket not issued: " + outcome);
            }
            done[i] = (System.nanoTime() - start) / 1e6;
            bytes[0] = issued.print().bytesSent();
            ms[i] = (printer.lastDataNanos() - start) / 1e6;
        }
        return ms;
    }

    private static KioskRuntime runtime(Path dir, String devices) throws ConfigException, InterruptedException {
        String yaml = """
        kiosk: {id: BENCH, hallName: {zh-CN: 演示区政务服务中心, en: Demo District Service Centre}, timeZone: Asia/Shanghai, demo: true}
        storage: {database: kiosk.db, dataDir: data}
        queue: {businessTypes: [{code: A, name: {zh-CN: 综合受理, en: General services}}]}
        """ + devices;
        KioskRuntime runtime = new KioskRuntime(
                ConfigLoader.parse(yaml, dir.resolve("bench.yaml")),
                Clock.systemUTC(),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(500)));
        runtime.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!runtime.devices()
                .first(DeviceClass.RECEIPT_PRINTER, ReceiptPrinter.class)
                .map(ReceiptPrinter::isEnabled)
                .orElse(false)) {
            if (System.nanoTime() > deadline) {
                runtime.close();
                throw new IllegalStateException("the printer did not come up for the benchmark");
            }
            Thread.sleep(10);
        }
        return runtime;
    }
}
