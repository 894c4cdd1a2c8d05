package dev.switchboard.fakes.deepgram;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The query parameters of one {@code /v1/listen} connection that the fake honours. */
record ListenOptions(String model, String language, boolean interimResults, boolean vadEvents, int endpointingMs,
                     int utteranceEndMs) {

    static ListenOptions parse(String resource, int defaultEndpointingMs) {
        Map<String, String> query = query(resource);
        if (!"mulaw".equals(query.get("encoding")) || !"8000".equals(query.get("sample_rate"))) {
            throw new IllegalArgumentException("the fake expects encoding=mulaw&sample_rate=8000, got " + query);
        }
        String endpointing = query.getOrDefault("endpointing", String.valueOf(defaultEndpointingMs));
        return new ListenOptions(query.getOrDefault("model", "nova-3"), query.getOrDefault("language", "en"),
                "true".equals(query.get("interim_results")), "true".equals(query.get("vad_events")),
                "false".equals(endpointing) ? Integer.MAX_VALUE : Integer.parseInt(endpointing),
                Integer.parseInt(query.getOrDefault("utterance_end_ms", "0")));
    }

    private static Map<String, String> query(String resource) {
        Map<String, String> query = new HashMap<>();
        int start = resource.indexOf('?');
        if (start < 0) {
            return query;
        }
        for (String pair : resource.substring(start + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
