package cn.egov.kiosk.device.api;

/**
 * The device-specific detail of a {@link DeviceException}, beside its {@link ErrorCode}: each
 * device class declares its own as an enum ({@code PrinterCode}, {@code IdReaderCode}, {@code
 * SmartCardCode}), and what every class shares is {@link CommonCode}. Callers compare and switch over
 * the constants, so a code that is renamed or added is found by the compiler, not by a test.
 */
public interface ExtendedCode {
    /** The code as logs, audit records and diagnostics write it: {@code PAPER_OUT}, {@code SW3_41}. */
    String name();
}
