package dev.switchboard.agent.tools;

import dev.switchboard.agent.tools.net.OutboundRequest;
import dev.switchboard.tenant.TenantSecrets;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code get_travel_time}: driving time between two places. Google's Distance Matrix API when the tenant has a
 * {@code google_maps_api_key}; otherwise the tenant's business API ({@code GET /v1/travel-time}), as in the demo.
 */
final class TravelTimeTool extends BuiltInTool {

    private final BusinessApi api;
    private final TenantSecrets secrets;
    private final String googleBaseUrl;

    TravelTimeTool(BusinessApi api, TenantSecrets secrets, String googleBaseUrl) {
        super("get_travel_time", "Estimate the driving time between two places, e.g. from the technician's current "
                + "position to the visit address. Each place is 'lat,lng' or a street address.",
                schema(List.of("origin", "destination"),
                        new StringArgument("origin", 0, 200, "Where the trip starts: 'lat,lng' or an address."),
                        new StringArgument("destination", 0, 200, "Where it ends: 'lat,lng' or an address.")),
                Duration.ofSeconds(5));
        this.api = api;
        this.secrets = secrets;
        this.googleBaseUrl = googleBaseUrl.replaceAll("/+$", "");
    }

    @Override
    public ToolResponse invoke(ToolInvocation invocation) throws ToolFailed {
        String origin = invocation.arguments().path("origin").asString("");
        String destination = invocation.arguments().path("destination").asString("");
        var key = secrets.reveal(invocation.context().tenant().id(), "google_maps_api_key");
        long seconds;
        long meters;
        if (key.isPresent()) {
            JsonNode element = google(origin, destination, key.get(), invocation.context().language());
            JsonNode duration = element.has("duration_in_traffic") ? element.get("duration_in_traffic") : element.path("duration");
            seconds = duration.path("value").asLong();
            meters = element.path("distance").path("value").asLong();
        } else {
            JsonNode answer = api.get(invocation.context(), "/v1/travel-time",
                    Map.of("origin", origin, "destination", destination), timeout());
            seconds = answer.path("durationSeconds").asLong();
            meters = answer.path("distanceMeters").asLong();
        }
        long minutes = Math.max(1, Math.round(seconds / 60.0));
        ZonedDateTime arrival = ZonedDateTime.now(invocation.context().tenant().timezone()).plusSeconds(seconds);
        return ToolResponse.of(JsonNodeFactory.instance.objectNode().put("origin", origin).put("destination", destination)
                .put("durationSeconds", seconds).put("distanceMeters", meters).put("minutes", minutes)
                .put("arrivalTime", arrival.format(DateTimeFormatter.ofPattern("HH:mm")))
                .put("source", key.isPresent() ? "google_maps" : "business_api"));
    }

    private JsonNode google(String origin, String destination, String key, String language) throws ToolFailed {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("origins", origin);
        query.put("destinations", destination);
        query.put("mode", "driving");
        query.put("departure_time", "now");
        query.put("language", language);
        query.put("key", key);
        // The operator configured this URL (a test may point it at a local fake), so private targets are allowed.
        JsonNode answer = api.send(new OutboundRequest("GET", URI.create(googleBaseUrl + "/maps/api/distancematrix/json"
                + BusinessApi.queryString(query)), Map.of("Accept", "application/json"), null, timeout(), 64 * 1024, true));
        return route(answer);
    }

    /** Google answers HTTP 200 even when it refuses the request: the status fields say what happened. */
    private static JsonNode route(JsonNode answer) throws ToolFailed {
        String status = answer.path("status").asString("");
        if (!status.equals("OK")) {
            throw new ToolFailed("the maps service refused the request (" + token(status) + ")", false);
        }
        JsonNode element = answer.path("rows").path(0).path("elements").path(0);
        switch (element.path("status").asString("")) {
            case "OK" -> {
            }
            case "NOT_FOUND" -> throw new ToolFailed("the maps service could not find the origin or the destination", false);
            case "ZERO_RESULTS" -> throw new ToolFailed("there is no driving route between those places", false);
            default -> throw new ToolFailed("the maps service gave no route ("
                    + token(element.path("status").asString("")) + ")", false);
        }
        if (!element.path("duration").path("value").isNumber()) {
            throw new ToolFailed("the maps service answered without a duration", false);
        }
        return element;
    }

    /** A status is echoed only when it looks like one of Google's codes, never as free text from the answer. */
    private static String token(String status) {
        return status.matches("[A-Z_]{1,40}") ? status : "unexpected answer";
    }
}
