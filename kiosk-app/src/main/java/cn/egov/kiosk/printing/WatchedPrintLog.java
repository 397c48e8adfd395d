package cn.egov.kiosk.printing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A print log that also tells listeners of each print once it is recorded (a walk-through follows
 * what came out of which printer). Listeners run on the printing thread and must be quick.
 */
public final class WatchedPrintLog implements PrintLog {
    private final PrintLog log;
    private final List<Consumer<PrintRecord>> listeners = new CopyOnWriteArrayList<>();

    public WatchedPrintLog(PrintLog log) {
        this.log = log;
    }

    public void addListener(Consumer<PrintRecord> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<PrintRecord> listener) {
        listeners.remove(listener);
    }

    @Override
    public void record(PrintRecord record) {
        log.record(record);
        listeners.forEach(l -> l.accept(record));
    }

    @Override
    public Optional<PrintRecord> find(String id) {
        return log.find(id);
    }

    @Override
    public List<PrintRecord> recent(int limit) {
        return log.recent(limit);
    }
}
