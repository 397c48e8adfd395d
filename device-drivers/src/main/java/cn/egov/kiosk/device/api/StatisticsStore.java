package cn.egov.kiosk.device.api;

import java.util.Map;

/** Where device statistics are kept between runs. */
public interface StatisticsStore {

    /** The saved counters of a device; empty when there are none. */
    Map<String, Long> load(String deviceId);

    void save(String deviceId, Map<String, Long> counters);

    /**
     * Reads the counters of {@code store} but never writes: for a one-off check (diagnostics) beside
     * a running kiosk, whose counters must not be overwritten with stale ones.
     */
    static StatisticsStore readOnly(StatisticsStore store) {
        return new StatisticsStore() {
            @Override
            public Map<String, Long> load(String deviceId) {
                return store.load(deviceId);
            }

            @Override
            public void save(String deviceId, Map<String, Long> counters) {}
        };
    }

    /** Keeps nothing: counters start at zero every run. */
    StatisticsStore NONE = new StatisticsStore() {
        @Override
        public Map<String, Long> load(String deviceId) {
            return Map.of();
        }

        @Override
        public void save(String deviceId, Map<String, Long> counters) {}
    };
}
