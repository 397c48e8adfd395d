package cn.egov.kiosk.config;

import java.nio.file.Path;
import java.util.List;

/** A small valid configuration, with line numbers the error tests rely on, and edits of it. */
final class TestYaml {
    static final Path SOURCE = Path.of("config/test.yaml");

    // Line numbers matter: the error tests name them.
    static final String BASE = """
      kiosk:
        id: K01
        hallName: {zh-CN: 测试大厅, en: Test hall}
        hotline: "12345"
        timeZone: Asia/Shanghai
        locales: [zh-CN, en]
        demo: true
        # the admin PINs are kept hashed in the store, not here
      ui:
        fullScreen: true
      session:
        inactivityTimeoutSeconds: 60
        warningSeconds: 20
      storage:
        database: ../var/test/kiosk.db
        dataDir: ../var/test
      queue:
        printMaskedId: false
        businessTypes:
          - {code: A, name: {zh-CN: 综合受理, en: General services}}
          - {code: B, name: {zh-CN: 社保医保}, description: {zh-CN: 社保}}
      devices:
        ticket-printer:
          class: receipt-printer
          driver: sim
          connection: "sim:"
          options: {columns: 48}
      """;

    private TestYaml() {}

    /**
     * The base with edits: pairs of a 1-based line number of the BASE and its new text (which may
     * hold several lines, or be null to delete the line). A line number one past the end appends.
     */
    static String edit(Object... lineAndText) {
        List<String> lines = BASE.lines().toList();
        String[] out = new String[lines.size() + 1]; // one more: appending
        for (int i = 0; i < lines.size(); i++) {
            out[i] = lines.get(i);
        }
        for (int i = 0; i < lineAndText.length; i += 2) {
            out[(Integer) lineAndText[i] - 1] = (String) lineAndText[i + 1];
        }
        StringBuilder sb = new StringBuilder();
        for (String line : out) {
            if (line != null) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }
}
