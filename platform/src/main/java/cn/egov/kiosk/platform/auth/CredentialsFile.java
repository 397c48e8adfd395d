package cn.egov.kiosk.platform.auth;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cn.egov.kiosk.platform.api.Json;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The credentials on disk: a small JSON file outside the database, created with owner-only
 * permissions (0600) where the file system has them, written atomically (a new file moved over the
 * old one), so that a power cut leaves either the old or the new key, never half of one.
 */
public final class CredentialsFile {
  private final Path file;

  public CredentialsFile(Path file) {
    this.file = file;
  }

  public Path path() {
    return file;
  }

  /** The stored credentials, or empty before registration. A damaged file is an error. */
  public Optional<Credentials> load() throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode n;
    try {
      n = Json.mapper().readTree(file.toFile());
    } catch (JsonProcessingException e) {
      // the parser's own message quotes the file's content, and that may be the secret
      JsonLocation at = e.getLocation();
      throw new IOException(file + ": not a credentials file (not JSON" + (at == null ? "" : ", line " + at.getLineNr() + " column " + at.getColumnNr()) + ")");
    }
    String kioskId = n.path("kioskId").asText("");
    String keyId = n.path("keyId").asText("");
    String secret = n.path("secret").asText("");
    if (kioskId.isEmpty() || keyId.isEmpty() || secret.isEmpty()) {
      throw new IOException(file + ": not a credentials file (kioskId, keyId and secret are needed)");
    }
    try {
      return Optional.of(Credentials.fromBase64(kioskId, keyId, secret));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": the secret is not valid base64 of at least 16 bytes");
    }
  }

  public void save(Credentials c) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("kioskId", c.kioskId());
    n.put("keyId", c.keyId());
    n.put("secret", c.secretBase64());
    Path tmp = dir.resolve(file.getFileName() + ".new");
    Files.deleteIfExists(tmp);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(tmp);
    }
    Files.write(tmp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
