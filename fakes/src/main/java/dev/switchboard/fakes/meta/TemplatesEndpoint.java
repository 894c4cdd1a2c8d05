package dev.switchboard.fakes.meta;

import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.http.QueryParameters;
import dev.switchboard.fakes.http.Responses;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code GET /{version}/{waba-id}/message_templates}: filters {@code name}, {@code status}, {@code language},
 * {@code fields}, and cursor paging ({@code limit}, default 25; {@code after}/{@code before}; {@code paging.next}
 * only while more remain).
 */
final class TemplatesEndpoint {

    private static final int DEFAULT_LIMIT = 25;

    private final TemplateCatalog catalog;
    private final URI baseUrl;

    TemplatesEndpoint(TemplateCatalog catalog, URI baseUrl) {
        this.catalog = catalog;
        this.baseUrl = baseUrl;
    }

    void list(HttpExchange exchange) throws IOException {
        var query = QueryParameters.of(exchange.getRequestURI());
        var matching = catalog.all().stream()
                .filter(t -> !query.containsKey("name") || t.name().contains(query.get("name")))
                .filter(t -> !query.containsKey("status") || t.status().equalsIgnoreCase(query.get("status")))
                .filter(t -> !query.containsKey("language") || t.language().equals(query.get("language")))
                .toList();
        int limit = Math.max(1, parseInt(query.get("limit"), DEFAULT_LIMIT));
        int from = query.containsKey("after") ? decode(query.get("after")) + 1
                : query.containsKey("before") ? Math.max(0, decode(query.get("before")) - limit) : 0;
        int to = Math.min(matching.size(), from + limit);
        var fields = fields(query.get("fields"));
        var data = Json.array();
        matching.subList(Math.min(from, to), to).forEach(t -> data.add(t.json(fields)));
        var body = Json.object();
        body.set("data", data);
        if (from < to) {
            body.set("paging", paging(URI.create(baseUrl + exchange.getRequestURI().toString()), from, to,
                    matching.size()));
        }
        Responses.json(exchange, 200, body);
    }

    private static ObjectNode paging(URI uri, int from, int to, int total) {
        var cursors = Json.object().put("before", encode(from)).put("after", encode(to - 1));
        var paging = Json.object();
        paging.set("cursors", cursors);
        if (to < total) {
            paging.put("next", pageUrl(uri, "after", encode(to - 1)));
        }
        if (from > 0) {
            paging.put("previous", pageUrl(uri, "before", encode(from)));
        }
        return paging;
    }

    /** The same request with its cursor replaced, as Meta's absolute paging links are. */
    private static String pageUrl(URI uri, String parameter, String cursor) {
        var base = uri.toString().replaceAll("([?&])(after|before)=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return base + (base.contains("?") ? "&" : "?") + parameter + "=" + cursor;
    }

    private static Set<String> fields(String fields) {
        if (fields == null || fields.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.stream(fields.split(",")).map(String::trim).toList());
    }

    /** Opaque to clients, like Meta's: base64 of the position. */
    static String encode(int position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("pos:" + position).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String cursor) {
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return Integer.parseInt(text.substring("pos:".length()));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return -1;
        }
    }

    private static int parseInt(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
