package dev.switchboard;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** A response as a test sees it; {@link #describe()} is what a failing assertion should print. */
public record ApiResponse(String request, int status, HttpHeaders headers, String body) {

    public JsonNode json() {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        return TestApi.JSON.readTree(body);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    public boolean isProblem() {
        return contentType() != null && contentType().startsWith("application/problem+json");
    }

    public String describe() {
        String shown = body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "..." : body;
        return request + " -> " + status + " " + contentType() + " " + shown;
    }
}
