package cn.egov.kiosk.printing;

import java.util.List;
import java.util.Optional;

/** Where prints are recorded for the audit trail (the store implements it). */
public interface PrintLog {

    /** Records one print, durably. */
    void record(PrintRecord record);

    Optional<PrintRecord> find(String id);

    /** The latest prints, newest first. */
    List<PrintRecord> recent(int limit);
}
