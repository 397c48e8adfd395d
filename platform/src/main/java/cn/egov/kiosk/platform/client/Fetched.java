package cn.egov.kiosk.platform.client;

import java.util.Optional;

/**
 * A conditional GET's answer: the new body and its tag, or nothing when the kiosk's copy (the tag
 * it sent) is still current ({@code 304}).
 */
public record Fetched<T>(Optional<T> body, Optional<String> etag) {
    public boolean notModified() {
        return body.isEmpty();
    }
}
