package dev.switchboard.fakes.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes a query string the way providers do: '+' is a space, the first occurrence of a name wins. */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static Map<String, String> of(URI uri) {
        var parameters = new LinkedHashMap<String, String>();
        var raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (var pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            var name = decode(eq < 0 ? pair : pair.substring(0, eq));
            var value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
