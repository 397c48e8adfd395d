package cn.egov.kiosk.printing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The audit trail in memory, for unit tests of the code that records prints. */
public final class MemoryPrintLog implements PrintLog {
    private final List<PrintRecord> records = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void record(PrintRecord record) {
        records.add(record);
    }

    @Override
    public Optional<PrintRecord> find(String id) {
        return records.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Override
    public List<PrintRecord> recent(int limit) {
        List<PrintRecord> copy = new ArrayList<>(records);
        Collections.reverse(copy);
        return copy.subList(0, Math.min(limit, copy.size()));
    }

    public List<PrintRecord> all() {
        return List.copyOf(records);
    }
}
