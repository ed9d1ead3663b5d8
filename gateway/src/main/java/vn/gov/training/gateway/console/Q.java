package vn.gov.training.gateway.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the query string of a console link from the filled-in parameters only. */
public final class Q {

    private final Map<String, Object> params = new LinkedHashMap<>();

    public static Q of() {
        return new Q();
    }

    public Q p(String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            params.put(name, value);
        }
        return this;
    }

    public String on(String path) {
        if (params.isEmpty()) {
            return path;
        }
        return path + "?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
