package cn.egov.kiosk.config;

import cn.egov.kiosk.common.schema.Key;
import cn.egov.kiosk.common.schema.ListSchema;
import cn.egov.kiosk.common.schema.ObjectSchema;
import cn.egov.kiosk.common.schema.Reading;
import cn.egov.kiosk.common.schema.Schema;
import cn.egov.kiosk.common.schema.Types;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code platform} section: where the cloud platform is and how the kiosk keeps in step with
 * it. Absent: the kiosk runs alone (local queue numbers, nothing the platform must answer).
 *
 * @param url the platform's base URL, or empty for {@code embedded}: the simulator in the kiosk's
 *     own process on loopback (demo mode only)
 * @param hallId the hall's id on the platform, sent at registration
 * @param registrationCode the one-time code staff got from the platform's console; used once,
 *     when the kiosk has no credentials yet
 * @param credentialsFile where the kiosk's key is kept (outside the database, owner-only)
 * @param keyFile the key that encrypts personal data kept in the database (outside it, owner-only)
 * @param caFile the platform's CA certificates (PEM), instead of the system's
 * @param pins public-key pins of the platform's certificate ({@code sha256/...})
 * @param syncMinutes how often the catalogue, notices and business types are fetched
 * @param staleAfterHours how old the local copy may be before the kiosk says so
 * @param heartbeatSeconds how often the kiosk reports its health
 * @param clockDriftWarnSeconds a difference with the platform's clock above this is reported
 * @param maxClockCorrectionSeconds the largest correction of the kiosk's idea of the platform's
 *     time that an unsigned answer (the time, a clock-skew refusal) may make; a larger one is
 *     refused and audited
 * @param rotateDays how often the kiosk gets a new key from the platform
 */
public record Platform(
        Optional<URI> url,
        String hallId,
        Optional<String> registrationCode,
        Path credentialsFile,
        Path keyFile,
        Optional<Path> caFile,
        List<String> pins,
        int syncMinutes,
        int staleAfterHours,
        int heartbeatSeconds,
        int clockDriftWarnSeconds,
        int maxClockCorrectionSeconds,
        int rotateDays) {

    public static final String EMBEDDED = "embedded";
    public static final Pattern HALL_ID_PATTERN = Pattern.compile("[0-9A-Za-z-]{1,32}");
    public static final Pattern PIN = Pattern.compile("sha256/[A-Za-z0-9+/]{43}=");
    private static final String PINS_EXPECTED = "a list of public-key pins, each sha256/ and 44 base64 characters";
    public static final int DEFAULT_SYNC_MINUTES = 15;
    public static final int DEFAULT_STALE_AFTER_HOURS = 24;
    public static final int DEFAULT_HEARTBEAT_SECONDS = 60;
    public static final int DEFAULT_CLOCK_DRIFT_WARN_SECONDS = 30;
    public static final int DEFAULT_MAX_CLOCK_CORRECTION_SECONDS = 900;
    public static final int DEFAULT_ROTATE_DAYS = 30;

    public static final Key<Optional<URI>> URL = Key.required("url", urlSchema())
            .doc(
                    "平台地址 https://…；http:// 仅用于演示模式（模拟器）；embedded 在终端进程内启动平台模拟器（仅演示模式）",
                    "The platform's address, https://…; http:// only in demo mode (a simulator); embedded starts the platform simulator inside the kiosk"
                            + " on 127.0.0.1 (demo mode only)")
            .example("https://platform.example.gov.cn");

    public static final Key<String> HALL_ID = Key.required(
                    "hallId",
                    Types.text(HALL_ID_PATTERN, "the hall's id on the platform: 1 to 32 letters, digits and hyphens"))
            .doc("大厅在平台上的编号，注册时发送", "The hall's id on the platform, sent at registration")
            .example("HZ-XIHU-01");

    public static final Key<Optional<String>> REGISTRATION_CODE = Key.optional(
                    "registrationCode",
                    Types.text("the one-time registration code from the platform's console, in quotes"))
            .doc(
                    "平台控制台给出的一次性注册码，加引号；终端首次启动、尚无凭据时使用，注册后请删除：用过的注册码不能再注册，./kiosk diag 和工作人员平台面板会提示",
                    "The one-time registration code (注册码) from the platform's console, in quotes; used at the first start, when the kiosk has no"
                            + " credentials yet. Remove it once registered: a used code cannot register again, and ./kiosk diag and the staff panel say so")
            .example("\"7Q4K-9MZP-2XWD\"");

    public static final Key<Path> CREDENTIALS_FILE = Key.optional(
                    "credentialsFile",
                    Types.path(),
                    r -> r.fact(Storage.DATA_DIR).map(d -> d.resolve("platform-credentials.json")),
                    "`<dataDir>/platform-credentials.json`")
            .doc(
                    "终端密钥的存放位置：数据库之外，仅所有者可读（0600），原子写入",
                    "Where the kiosk's key is kept: outside the database, owner-only (0600), written atomically");

    public static final Key<Path> KEY_FILE = Key.optional(
                    "keyFile",
                    Types.path(),
                    r -> r.fact(Storage.DATA_DIR).map(d -> d.resolve("store.key")),
                    "`<dataDir>/store.key`")
            .doc(
                    "加密数据库中个人数据（待发送的申请）的本机密钥：首次启动时生成，仅所有者可读；丢失则这些记录无法读取",
                    "The installation's key that encrypts personal data kept in the database (an application waiting to be sent): made at the first start,"
                            + " owner-only; losing it makes such records unreadable");

    public static final Key<Optional<Path>> CA_FILE = Key.optional("caFile", Types.path())
            .doc(
                    "签发平台证书的 CA 证书（PEM），代替系统的 CA",
                    "PEM certificates of the CA(s) that signed the platform's certificate, instead of the system's");

    public static final Key<List<String>> PINS = Key.optional(
                    "pins",
                    ListSchema.of(Types.text(PIN, PINS_EXPECTED), PINS_EXPECTED, 0, Integer.MAX_VALUE, "pins"),
                    List.of())
            .doc(
                    "平台证书的公钥指纹，每个为 sha256/ 加 44 个 base64 字符；都不匹配的证书被拒绝",
                    "Public-key pins of the platform's certificate, each sha256/ and 44 base64 characters; a certificate matching none is refused");

    public static final Key<Integer> SYNC_MINUTES = Key.optional(
                    "syncMinutes", Types.wholeNumber(1, 1440), DEFAULT_SYNC_MINUTES)
            .doc(
                    "多久获取一次事项目录、通知和业务类型（启动时和平台恢复时也会获取）",
                    "How often the catalogue, notices and business types are fetched (also at start and when the platform comes back)");

    public static final Key<Integer> STALE_AFTER_HOURS = Key.optional(
                    "staleAfterHours", Types.wholeNumber(1, 720), DEFAULT_STALE_AFTER_HOURS)
            .doc("本地副本超过这个时长即报告为过期", "Past this age the local copy is reported stale");

    public static final Key<Integer> HEARTBEAT_SECONDS = Key.optional(
                    "heartbeatSeconds", Types.wholeNumber(10, 3600), DEFAULT_HEARTBEAT_SECONDS)
            .doc("多久报告一次外设、待发送记录和时钟", "How often the kiosk reports its devices, outbox and clock");

    public static final Key<Integer> CLOCK_DRIFT_WARN_SECONDS = Key.optional(
                    "clockDriftWarnSeconds", Types.wholeNumber(1, 3600), DEFAULT_CLOCK_DRIFT_WARN_SECONDS)
            .doc("与平台时钟相差超过此值时记录日志并审计", "A difference with the platform's clock above this is logged and audited");

    public static final Key<Integer> MAX_CLOCK_CORRECTION_SECONDS = Key.optional(
                    "maxClockCorrectionSeconds", Types.wholeNumber(10, 86_400), DEFAULT_MAX_CLOCK_CORRECTION_SECONDS)
            .doc(
                    "未签名的应答（GET /v1/time、时钟偏差拒绝）最多可校正的秒数；更大的校正被拒绝并审计（clock.correction-refused）：请修好电脑的时间同步",
                    "The largest correction of the platform's time an unsigned answer (GET /v1/time, a clock-skew refusal) may make; a larger one is"
                            + " refused and audited (clock.correction-refused): fix the PC's time synchronisation");

    public static final Key<Integer> ROTATE_DAYS = Key.optional(
                    "rotateDays", Types.wholeNumber(1, 365), DEFAULT_ROTATE_DAYS)
            .doc(
                    "终端多久向平台换一次新密钥（旧密钥再有效 24 小时）",
                    "How often the kiosk gets a new key from the platform (the old one stays valid 24 hours)");

    /** The {@code platform} section. */
    public static final ObjectSchema<Platform> SCHEMA = ObjectSchema.of(
            "a mapping",
            List.of(
                    URL,
                    HALL_ID,
                    REGISTRATION_CODE,
                    CREDENTIALS_FILE,
                    KEY_FILE,
                    CA_FILE,
                    PINS,
                    SYNC_MINUTES,
                    STALE_AFTER_HOURS,
                    HEARTBEAT_SECONDS,
                    CLOCK_DRIFT_WARN_SECONDS,
                    MAX_CLOCK_CORRECTION_SECONDS,
                    ROTATE_DAYS),
            v -> new Platform(
                    v.get(URL),
                    v.get(HALL_ID),
                    v.get(REGISTRATION_CODE),
                    v.get(CREDENTIALS_FILE),
                    v.get(KEY_FILE),
                    v.get(CA_FILE),
                    v.get(PINS),
                    v.get(SYNC_MINUTES),
                    v.get(STALE_AFTER_HOURS),
                    v.get(HEARTBEAT_SECONDS),
                    v.get(CLOCK_DRIFT_WARN_SECONDS),
                    v.get(MAX_CLOCK_CORRECTION_SECONDS),
                    v.get(ROTATE_DAYS)));

    public Platform {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(hallId, "hallId");
        Objects.requireNonNull(credentialsFile, "credentialsFile");
        Objects.requireNonNull(keyFile, "keyFile");
        pins = List.copyOf(pins);
    }

    /** The simulator in the kiosk's process. */
    public boolean embedded() {
        return url.isEmpty();
    }

    /** {@code embedded} (demo mode only), or an http(s) URL; http only in demo mode. */
    private static Schema<Optional<URI>> urlSchema() {
        String expected =
                "embedded (the simulator, demo mode only) or an http(s) URL such as https://platform.example.gov.cn";
        String httpsExpected =
                "an https URL such as https://platform.example.gov.cn: outside demo mode the kiosk's key, ID numbers and"
                        + " applications never travel in clear (http:// is for the simulator, with kiosk.demo: true)";
        var json =
                JsonNodeFactory.instance.objectNode().put("type", "string").put("pattern", "^(embedded|https?://.+)$");
        return Types.scalar(
                expected,
                json,
                (text, node, path, r) -> {
                    Optional<Boolean> demo = r.fact(Kiosk.DEMO);
                    if (text.equals(EMBEDDED)) {
                        if (demo.equals(Optional.of(false))) {
                            throw r.invalid(
                                    path,
                                    node,
                                    "a platform URL (embedded needs kiosk.demo: true)",
                                    Reading.quote(text));
                        }
                        return Optional.empty();
                    }
                    try {
                        URI u = new URI(text);
                        if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null) {
                            throw new URISyntaxException(text, "not an http(s) URL with a host");
                        }
                        if ("http".equals(u.getScheme()) && !demo.equals(Optional.of(true))) {
                            throw r.invalid(path, node, httpsExpected, Reading.quote(text));
                        }
                        return Optional.of(u);
                    } catch (URISyntaxException e) {
                        throw r.invalid(path, node, expected, Reading.quote(text));
                    }
                },
                u -> u.map(URI::toString).orElse(EMBEDDED));
    }
}
