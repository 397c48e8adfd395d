package cn.egov.kiosk.device.sim;

import cn.egov.kiosk.device.api.AbstractDevice;
import cn.egov.kiosk.device.api.CommonCode;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.StatisticsStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The part every in-process simulator shares: it can be unplugged ({@code disconnect}: the device
 * goes offline and cannot be opened) and plugged back ({@code reconnect}: the device manager's next
 * attempt succeeds).
 */
public abstract class SimulatedDevice extends AbstractDevice implements Simulator {
    private volatile boolean plugged = true;

    protected SimulatedDevice(String id, DeviceClass deviceClass, StatisticsStore store, Clock clock) {
        super(id, deviceClass, "sim", store, clock);
    }

    @Override
    public String deviceId() {
        return id();
    }

    @Override
    public String connection() {
        return "sim:";
    }

    @Override
    protected void doOpen() throws DeviceException {
        if (!plugged) {
            throw new DeviceException(
                    ErrorCode.NO_HARDWARE, CommonCode.UNPLUGGED, "simulated " + deviceClass() + " is unplugged");
        }
    }

    @Override
    protected void doClose() {}

    /** Throws the error a real device would if it were unplugged now. */
    protected final void requirePlugged() throws DeviceException {
        if (!plugged) {
            DeviceException e = new DeviceException(
                    ErrorCode.OFFLINE, CommonCode.UNPLUGGED, "simulated " + deviceClass() + " is unplugged");
            goOffline(e);
            throw e;
        }
    }

    @Override
    public Map<String, String> commands() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("disconnect", "pull the cable: the device goes offline");
        map.put("reconnect", "plug the cable back in: the device manager reconnects");
        map.putAll(deviceCommands());
        return map;
    }

    /** The commands of the device class. */
    protected abstract Map<String, String> deviceCommands();

    /** Applies a command of the device class; unknown ones throw {@link IllegalArgumentException}. */
    protected abstract void applyDeviceCommand(String command, String argument);

    @Override
    public final void apply(String command, String argument) {
        switch (command) {
            case "disconnect" -> {
                plugged = false;
                goOffline(new DeviceException(ErrorCode.OFFLINE, CommonCode.UNPLUGGED, "simulated cable pulled"));
                onUnplugged();
            }
            case "reconnect" -> plugged = true;
            default -> applyDeviceCommand(command, argument);
        }
    }

    /** Wakes whatever waits on the device (a read waiting for a card) so that it sees the cable gone. */
    protected void onUnplugged() {
        synchronized (this) {
            notifyAll();
        }
    }

    public boolean plugged() {
        return plugged;
    }

    protected static IllegalArgumentException unknown(String command) {
        return new IllegalArgumentException("unknown simulator command \"" + command + "\"");
    }
}
