package cn.egov.kiosk.device.manage;

/**
 * Something wrong with a device's configuration: the key (relative to the device, for example
 * {@code options.columns}), what was expected, and what was found.
 */
public record SpecProblem(String key, String expected, String found) {
    public String describe() {
        return key + ": expected " + expected + (found == null ? "" : ", found \"" + found + "\"");
    }
}
