package dev.switchboard.agent.tools;

import dev.switchboard.agent.tools.net.OutboundRequest;
import dev.switchboard.tenant.TenantSecrets;
import java.net.URI;
import java.time.Duration;
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
final class TravelTimeTool implements Tool {

    private final BusinessApi api;
    private final TenantSecrets secrets;
    private final String googleBaseUrl;

    TravelTimeTool(BusinessApi api, TenantSecrets secrets, String googleBaseUrl) {
        this.api = api;
        this.secrets = secrets;
        this.googleBaseUrl = googleBaseUrl.replaceAll("/+$", "");
    }

    @Override
    public String name() {
        return "get_travel_time";
    }

    @Override
    public String description() {
        return "Estimate the driving time between two places, e.g. from the technician's current position to the "
                + "visit address. Each place is 'lat,lng' or a street address.";
    }

    @Override
    public JsonNode parameters() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("origin").put("type", "string").put("maxLength", 200).put("description", "Where the trip starts: 'lat,lng' or an address.");
        properties.putObject("destination").put("type", "string").put("maxLength", 200).put("description", "Where it ends: 'lat,lng' or an address.");
        schema.putArray("required").add("origin").add("destination");
        return schema.put("additionalProperties", false);
    }

    @Override
    public boolean safeToRepeat() {
        return true;
    }

    @Override
    public boolean requiresVerifiedCustomer() {
        return false;
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(5);
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
        JsonNode element = answer.path("rows").path(0).path("elements").path(0);
        if (!"OK".equals(answer.path("status").asString()) || !"OK".equals(element.path("status").asString())) {
            throw new ToolFailed("the maps service found no route between those places", false);
        }
        return element;
    }
}
