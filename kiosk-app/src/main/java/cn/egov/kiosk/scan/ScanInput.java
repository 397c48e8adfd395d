package cn.egov.kiosk.scan;

import cn.egov.kiosk.device.api.DeviceEvent;
import cn.egov.kiosk.device.scanner.BarcodeScanner;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The codes the kiosk's scanner reads, classified ({@link ScanCode#classify}) and handed to whoever
 * listens, on the scanner's event thread. Every scan is logged by kind and length only: a login or
 * payment code stands for a person.
 */
public final class ScanInput {
    private static final Logger log = LoggerFactory.getLogger(ScanInput.class);

    private final List<Consumer<ScanCode>> listeners = new CopyOnWriteArrayList<>();
    private final boolean fitted;

    /** Follows the scanner {@code scanner} gives, if the kiosk has one. */
    public ScanInput(Supplier<Optional<BarcodeScanner>> scanner) {
        Optional<BarcodeScanner> s = scanner.get();
        this.fitted = s.isPresent();
        s.ifPresent(device -> device.addListener(event -> {
            if (event instanceof DeviceEvent.DataEvent data && data.payload() instanceof String code) {
                scanned(code);
            }
        }));
    }

    /** A kiosk without a scanner: nothing is ever scanned. */
    public static ScanInput none() {
        return new ScanInput(Optional::empty);
    }

    /** Whether the kiosk has a scanner: the screens offer scanning only then. */
    public boolean fitted() {
        return fitted;
    }

    /** {@code listener} gets every code scanned from now on, on the scanner's event thread. */
    public void onScan(Consumer<ScanCode> listener) {
        listeners.add(listener);
    }

    /** A code read: classified once, then handed on. */
    void scanned(String raw) {
        ScanCode code = ScanCode.classify(raw);
        log.info("Scanned {}", code);
        for (Consumer<ScanCode> l : listeners) {
            try {
                l.accept(code);
            } catch (RuntimeException e) {
                log.warn("A scan listener failed: {}", e.toString());
            }
        }
    }
}
