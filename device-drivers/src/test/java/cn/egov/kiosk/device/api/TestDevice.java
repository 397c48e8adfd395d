package cn.egov.kiosk.device.api;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The smallest driver: records its hooks and lets a test raise conditions and run operations. */
final class TestDevice extends AbstractDevice {
    final List<String> hooks = new CopyOnWriteArrayList<>();
    volatile DeviceException openFailure;
    volatile DeviceException healthFailure;

    TestDevice(String id, StatisticsStore store, Clock clock) {
        super(id, DeviceClass.BARCODE_SCANNER, "test", store, clock);
    }

    TestDevice(String id) {
        this(id, StatisticsStore.NONE, Clock.systemUTC());
    }

    @Override
    public String connection() {
        return "test:" + id();
    }

    @Override
    protected void doOpen() throws DeviceException {
        hooks.add("open");
        if (openFailure != null) {
            throw openFailure;
        }
    }

    @Override
    protected void doEnable() {
        hooks.add("enable");
    }

    @Override
    protected void doDisable() {
        hooks.add("disable");
    }

    @Override
    protected void doClose() {
        hooks.add("close");
    }

    @Override
    protected HealthReport doCheckHealth(HealthLevel level) throws DeviceException {
        if (healthFailure != null) {
            throw healthFailure;
        }
        return super.doCheckHealth(level);
    }

    <T> T work(Operation<T> operation) throws DeviceException {
        return operate("work", operation);
    }

    void condition(Condition condition, boolean raised) {
        setCondition(condition, raised);
    }

    void linkLost(DeviceException why) {
        goOffline(why);
    }

    void data(Object payload) {
        publishData(payload);
    }
}
