package cn.egov.kiosk.platform.sim;

import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One request as a handler sees it: checked, with its path parameters and the calling kiosk. */
record Call(
        String method,
        String path,
        Map<String, String> query,
        List<String> params,
        byte[] body,
        String kioskId,
        Map<String, String> headers) {

    String param(int i) {
        return params.get(i);
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** The body as a record of the contract; a body that is not one is a 400 problem. */
    <T> T body(Class<T> type) {
        try {
            T value = Json.read(body, type);
            if (value == null) {
                throw new IOException("no body");
            }
            return value;
        } catch (IOException e) {
            throw Reply.problem(
                    400,
                    Problem.VALIDATION,
                    "请求体无效",
                    "the body is not a valid " + type.getSimpleName() + ": "
                            + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()),
                    path);
        }
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            q.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return q;
    }
}
