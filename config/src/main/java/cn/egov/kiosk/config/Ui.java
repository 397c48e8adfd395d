package cn.egov.kiosk.config;

import cn.egov.kiosk.common.schema.Key;
import cn.egov.kiosk.common.schema.ListSchema;
import cn.egov.kiosk.common.schema.ObjectSchema;
import cn.egov.kiosk.common.schema.Reading;
import cn.egov.kiosk.common.schema.Schema;
import cn.egov.kiosk.common.schema.Types;
import cn.egov.kiosk.common.yaml.YamlTree.Node;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code ui} section.
 *
 * @param fullScreen whether the window covers the whole screen (true on a kiosk; false to develop)
 * @param theme {@code standard}, or {@code elderly} (适老化: large type, high contrast) as the default
 * @param services the citizen services shown (by their names in {@link #SERVICES}), in any order
 * @param logo the hall's logo, a PNG file, when it has one
 */
public record Ui(boolean fullScreen, String theme, List<String> services, Optional<Path> logo) {
    public static final String STANDARD = "standard";
    public static final String ELDERLY = "elderly";
    public static final List<String> THEMES = List.of(STANDARD, ELDERLY);

    /** The citizen services a kiosk can offer, by their names in configuration. */
    public static final List<String> SERVICES = List.of(
            "queue-ticket",
            "licence-print",
            "service-guide",
            "apply",
            "appointment",
            "check-in",
            "progress",
            "enterprise-info",
            "insurance");

    /** The largest logo file taken (a logo is a small picture). */
    public static final long MAX_LOGO_BYTES = 2L * 1024 * 1024;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    public static final Key<Boolean> FULL_SCREEN = Key.optional("fullScreen", Types.bool(), true)
            .doc(
                    "窗口铺满整个屏幕：终端上为 true，开发时为 false",
                    "The window covers the whole screen: true on a kiosk, false to develop");

    public static final Key<String> THEME = Key.optional("theme", Types.oneOf(THEMES), STANDARD)
            .doc(
                    "启动时的界面：standard，或 elderly（适老化：大字、高对比度）；市民可以切换",
                    "The look the kiosk starts in: standard, or elderly (适老化: large type, high contrast); citizens can switch");

    public static final Key<List<String>> SERVICES_KEY = Key.optional(
                    "services",
                    ListSchema.of(
                                    Types.oneOf(SERVICES),
                                    "a list of services from " + SERVICES + ", each once",
                                    0,
                                    SERVICES.size(),
                                    "services")
                            .unique(
                                    null,
                                    SERVICES::contains,
                                    (name, line) -> "each service once (" + name + " is already at line " + line + ")"),
                    SERVICES)
            .doc(
                    "首页显示的服务；没有相应外设或平台的服务本来就不显示。默认全部",
                    "The services shown on the home screen; a service without its devices or platform is not shown anyway. Default: all")
            .example("[queue-ticket, service-guide, progress]");

    public static final Key<Optional<Path>> LOGO = Key.optional("logo", logoSchema())
            .doc(
                    "大厅标志：PNG 图片文件（不超过 2 MB），绝对路径或相对本文件所在目录；不设则不显示",
                    "The hall's logo: a PNG file (2 MB at most), absolute or relative to this file's folder; none when left out")
            .example("branding/logo.png");

    /** The {@code ui} section. */
    public static final ObjectSchema<Ui> SCHEMA = ObjectSchema.of(
            "a mapping",
            List.of(FULL_SCREEN, THEME, SERVICES_KEY, LOGO),
            v -> new Ui(v.get(FULL_SCREEN), v.get(THEME), v.get(SERVICES_KEY), v.get(LOGO)));

    /** What an omitted {@code ui} section means. */
    public static final Ui DEFAULTS = new Ui(true, STANDARD);

    public Ui {
        Objects.requireNonNull(theme, "theme");
        if (!THEMES.contains(theme)) {
            throw new IllegalArgumentException("ui.theme must be one of " + THEMES + ": " + theme);
        }
        services = services == null ? SERVICES : List.copyOf(services);
        for (String s : services) {
            if (!SERVICES.contains(s)) {
                throw new IllegalArgumentException("ui.services: " + s + " is not one of " + SERVICES);
            }
        }
        logo = logo == null ? Optional.empty() : logo;
    }

    /** Every service shown, no logo. */
    public Ui(boolean fullScreen, String theme) {
        this(fullScreen, theme, SERVICES, Optional.empty());
    }

    /** Whether the service of this name is shown. */
    public boolean shows(String service) {
        return services.contains(service);
    }

    /** A PNG file that exists, is readable and small: a logo shown is never a broken picture. */
    private static Schema<Path> logoSchema() {
        String expected = "a PNG file of at most 2 MB, absolute or relative to the directory of this file";
        Schema<Path> path = Types.path();
        return new Schema<>() {
            @Override
            public Path read(Node node, String at, Reading r) {
                Path p = path.read(node, at, r);
                String found = Reading.quote(Reading.text(node));
                if (!Files.isRegularFile(p)) {
                    throw r.invalid(at, node, expected, found + " (no such file)");
                }
                try {
                    if (Files.size(p) > MAX_LOGO_BYTES) {
                        throw r.invalid(at, node, expected, found + " (larger than 2 MB)");
                    }
                    byte[] head;
                    try (InputStream in = Files.newInputStream(p)) {
                        head = in.readNBytes(PNG_SIGNATURE.length);
                    }
                    if (!Arrays.equals(head, PNG_SIGNATURE)) {
                        throw r.invalid(at, node, expected, found + " (not a PNG picture)");
                    }
                } catch (IOException e) {
                    throw r.invalid(at, node, expected, found + " (cannot be read)");
                }
                return p;
            }

            @Override
            public String expected() {
                return expected;
            }

            @Override
            public ObjectNode jsonSchema() {
                return path.jsonSchema();
            }

            @Override
            public String toYaml(Path value) {
                return path.toYaml(value);
            }
        };
    }
}
