package cn.egov.kiosk.device.scanner;

import cn.egov.kiosk.device.api.CommonCode;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.ErrorCode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * The codes a scanner read that wait for {@link BarcodeScanner#awaitScan}, oldest first, at most
 * {@code limit} (a code scanned while nobody asks does not wait for ever: the oldest goes first), and
 * the failure that ends a wait (the link lost, the scanner disabled). Thread-safe: the scanner's
 * reader adds, a caller waits.
 */
public final class ScanQueue {
    private final int limit;
    /** Codes ({@code String}) and failures ({@code DeviceException}). */
    private final LinkedBlockingDeque<Object> items = new LinkedBlockingDeque<>();

    public ScanQueue(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, not " + limit);
        }
        this.limit = limit;
    }

    /** Adds a code; returns how many older codes were dropped to make room. */
    public int add(String code) {
        int dropped = 0;
        synchronized (items) {
            while (items.size() >= limit && items.pollFirst() != null) {
                dropped++;
            }
            items.addLast(code);
        }
        return dropped;
    }

    /** Drops what waits; the one waiting (or the next to wait) gets {@code failure}. */
    public void fail(DeviceException failure) {
        synchronized (items) {
            items.clear();
            items.addLast(failure);
        }
    }

    /** Drops what waits (codes and a failure). */
    public void clear() {
        items.clear();
    }

    /** Codes waiting. */
    public int size() {
        return (int) items.stream().filter(String.class::isInstance).count();
    }

    /**
     * The oldest code, waiting up to {@code timeout} for one; empty when none came.
     *
     * @throws DeviceException the failure that ended waiting, or {@code CANCELLED} when interrupted
     */
    public Optional<String> await(Duration timeout) throws DeviceException {
        Object next;
        try {
            next = items.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(ErrorCode.CANCELLED, CommonCode.INTERRUPTED, "scan cancelled", e);
        }
        if (next instanceof DeviceException failure) {
            throw failure;
        }
        return Optional.ofNullable((String) next);
    }
}
