package dev.switchboard.agent.tools.net;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * @param privateAllowed the operator's opt-in for this target: plain HTTP and private addresses allowed
 * @param maxBytes       the most response body bytes read; a longer body is an error, not a truncated result
 */
public record OutboundRequest(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout,
                              int maxBytes, boolean privateAllowed) {

    public OutboundRequest {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    OutboundRequest redirectedTo(URI target, boolean keepMethod, boolean sameHost) {
        var kept = new java.util.LinkedHashMap<>(headers);
        if (!sameHost) {
            kept.keySet().removeIf(h -> h.equalsIgnoreCase("authorization") || h.toLowerCase().contains("key"));
        }
        return new OutboundRequest(keepMethod ? method : "GET", target, kept, keepMethod ? body : null, timeout,
                maxBytes, privateAllowed);
    }
}
