package cn.egov.kiosk.platform.auth;

import cn.egov.kiosk.platform.api.Json;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The credentials on disk: a small JSON file outside the database, created with owner-only
 * permissions (0600) where the file system has them, written atomically (a new file moved over the
 * old one, then the folder synced), so that a power cut leaves either the old or the new key,
 * never half of one. Beside the key it keeps when the key was issued (for the rotation schedule)
 * and the idempotency key of a rotation asked for and not yet saved.
 */
public final class CredentialsFile {
    /**
     * What the file holds.
     *
     * @param issuedAt when the platform issued the key (empty in a file written before it was kept)
     * @param pendingRotation the idempotency key of a rotation asked for whose new key is not saved yet
     */
    public record Entry(Credentials credentials, Optional<Instant> issuedAt, Optional<String> pendingRotation) {
        public Entry {
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(pendingRotation, "pendingRotation");
        }

        public Entry withPendingRotation(Optional<String> key) {
            return new Entry(credentials, issuedAt, key);
        }
    }

    private final Path file;

    public CredentialsFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The stored credentials, or empty before registration. A damaged file is an error. */
    public Optional<Credentials> load() throws IOException {
        return read().map(Entry::credentials);
    }

    /** Everything the file holds, or empty before registration. A damaged file is an error. */
    public Optional<Entry> read() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode n;
        try {
            n = Json.mapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            // the parser's own message quotes the file's content, and that may be the secret
            JsonLocation at = e.getLocation();
            throw new IOException(file + ": not a credentials file (not JSON"
                    + (at == null ? "" : ", line " + at.getLineNr() + " column " + at.getColumnNr()) + ")");
        }
        String kioskId = n.path("kioskId").asText("");
        String keyId = n.path("keyId").asText("");
        String secret = n.path("secret").asText("");
        if (kioskId.isEmpty() || keyId.isEmpty() || secret.isEmpty()) {
            throw new IOException(file + ": not a credentials file (kioskId, keyId and secret are needed)");
        }
        Credentials c;
        try {
            c = Credentials.fromBase64(kioskId, keyId, secret);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": the secret is not valid base64 of at least 16 bytes");
        }
        Optional<Instant> issuedAt = Optional.empty();
        if (n.hasNonNull("issuedAt")) {
            try {
                issuedAt = Optional.of(Instant.parse(n.get("issuedAt").asText()));
            } catch (DateTimeParseException e) {
                throw new IOException(file + ": issuedAt is not a time such as 2026-12-06T08:00:00Z");
            }
        }
        Optional<String> pending = Optional.ofNullable(n.get("pendingRotation"))
                .map(JsonNode::asText)
                .filter(k -> !k.isBlank());
        return Optional.of(new Entry(c, issuedAt, pending));
    }

    /** Saves credentials alone (no issue time, no rotation pending). */
    public void save(Credentials c) throws IOException {
        write(new Entry(c, Optional.empty(), Optional.empty()));
    }

    /** Replaces the file's content in one atomic step. */
    public void write(Entry entry) throws IOException {
        Credentials c = entry.credentials();
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("kioskId", c.kioskId());
        n.put("keyId", c.keyId());
        n.put("secret", c.secretBase64());
        entry.issuedAt().ifPresent(t -> n.put("issuedAt", t.toString()));
        entry.pendingRotation().ifPresent(k -> n.put("pendingRotation", k));
        Path tmp = dir.resolve(file.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(
                    Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(n)));
            ch.force(true); // on disk before it replaces the old key
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        syncFolder(dir);
    }

    /** Makes the rename itself durable (a power cut right after it keeps the new file). */
    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every file system lets a folder be opened; the rename is atomic all the same
        }
    }
}
