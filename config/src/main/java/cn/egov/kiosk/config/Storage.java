package cn.egov.kiosk.config;

import cn.egov.kiosk.common.schema.Fact;
import cn.egov.kiosk.common.schema.Key;
import cn.egov.kiosk.common.schema.ObjectSchema;
import cn.egov.kiosk.common.schema.Types;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The {@code storage} section. Both paths are absolute and normalized: the loader resolves a
 * relative path in the file against the directory that contains the file.
 *
 * @param database the SQLite database file (the outbox, queue numbers, audit trail)
 * @param dataDir the directory for everything else the kiosk writes (statistics, spooled prints)
 */
public record Storage(Path database, Path dataDir) {
    /** The data folder, once read: the platform section's default paths are in it. */
    public static final Fact<Path> DATA_DIR = new Fact<>("storage.dataDir");

    public static final Key<Path> DATABASE = Key.required("database", Types.path())
            .doc(
                    "SQLite 数据库文件（排队号、打印记录、待发往平台的记录、事项目录副本）；绝对路径，或相对于本文件所在目录",
                    "The SQLite database file (queue numbers, print records, the outbox to the platform, the catalogue copy); absolute, or relative to this file's folder")
            .example("../var/demo/kiosk.db");

    public static final Key<Path> DATA_DIR_KEY = Key.required("dataDir", Types.path())
            .tells(DATA_DIR)
            .doc(
                    "终端写入其他一切的目录（外设统计、日志、模拟器控制、单实例锁）；仅终端用户可读（0700）",
                    "The folder for everything else the kiosk writes (device statistics, logs, the simulator control socket, the one-kiosk lock); owner-only (0700)")
            .example("../var/demo");

    /** The {@code storage} section. */
    public static final ObjectSchema<Storage> SCHEMA = ObjectSchema.of(
            "a mapping", List.of(DATABASE, DATA_DIR_KEY), v -> new Storage(v.get(DATABASE), v.get(DATA_DIR_KEY)));

    public Storage {
        database = absolute(database, "database");
        dataDir = absolute(dataDir, "dataDir");
    }

    private static Path absolute(Path p, String name) {
        Objects.requireNonNull(p, name);
        if (!p.isAbsolute()) {
            throw new IllegalArgumentException("storage." + name + " must be absolute: " + p);
        }
        return p.normalize();
    }
}
