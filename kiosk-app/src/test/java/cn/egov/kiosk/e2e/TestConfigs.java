package cn.egov.kiosk.e2e;

import cn.egov.kiosk.config.ConfigException;
import cn.egov.kiosk.config.ConfigLoader;
import cn.egov.kiosk.config.KioskConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Kiosk configurations for end-to-end tests: the demo's shape, storage in a temp folder. */
public final class TestConfigs {
    private TestConfigs() {}

    /** Every device simulated; the ticket printer polls fast so that tests see status quickly. */
    public static final String SIM_DEVICES = """
      devices:
        id-reader: {class: id-card-reader, driver: sim, connection: "sim:"}
        ticket-printer: {class: receipt-printer, driver: sim, connection: "sim:", options: {columns: 48, pollMs: 200, jobTimeoutMs: 5000}}
        licence-printer: {class: document-printer, driver: sim, connection: "sim:"}
        payment-terminal: {class: payment-terminal, driver: sim, connection: "sim:", options: {cardDelayMs: 0}}
      """;

    /** The platform section for a platform at {@code url}, registering with {@code code}. */
    public static String platform(String url, String code) {
        return "platform:\n  url: " + url + "\n  hallId: \"110101-01\"\n  registrationCode: \"" + code
                + "\"\n  syncMinutes: 60\n  heartbeatSeconds: 600\n";
    }

    /** A configuration with the given devices block; its files go to {@code dir}. */
    public static KioskConfig write(Path dir, String devices) {
        return write(dir, false, devices);
    }

    /**
     * As {@link #write(Path, String)}, with {@code queue.printMaskedId} given; {@code rest} holds the
     * sections after {@code queue} (identity, platform, devices).
     */
    public static KioskConfig write(Path dir, boolean printMaskedId, String rest) {
        String yaml = """
        kiosk:
          id: K01
          hallName: {zh-CN: 测试区政务服务中心, en: Test District Service Centre}
          hotline: "12345"
          timeZone: Asia/Shanghai
          locales: [zh-CN, en]
          demo: true
        ui: {fullScreen: false, theme: standard}
        session: {inactivityTimeoutSeconds: 60, warningSeconds: 20}
        storage: {database: var/kiosk.db, dataDir: var}
        queue:
          printMaskedId: %s
          businessTypes:
            - {code: A, name: {zh-CN: 综合受理, en: General services}}
            - {code: B, name: {zh-CN: 社保医保, en: Social security}}
        """.formatted(printMaskedId) + rest;
        Path file = dir.resolve("kiosk.yaml");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, yaml);
            return ConfigLoader.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
