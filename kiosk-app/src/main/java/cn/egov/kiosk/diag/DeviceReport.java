package cn.egov.kiosk.diag;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One device's diagnosis: what it is, where, its state and health, its counters, and what to change around it. */
public record DeviceReport(
        String id,
        @JsonProperty("class") String deviceClass,
        String driver,
        String connection,
        String state,
        boolean healthy,
        String health,
        Map<String, Long> counters,
        List<String> advisories) {}
