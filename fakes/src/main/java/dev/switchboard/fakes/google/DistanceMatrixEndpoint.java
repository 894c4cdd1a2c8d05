package dev.switchboard.fakes.google;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.http.QueryParameters;
import dev.switchboard.fakes.http.RecordedRequest;
import dev.switchboard.fakes.http.RequestLog;
import dev.switchboard.fakes.http.Responses;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /maps/api/distancematrix/json}. Like the real API it answers HTTP 200 even for request-level
 * failures, with {@code status} REQUEST_DENIED, INVALID_REQUEST, MAX_DIMENSIONS_EXCEEDED or MAX_ELEMENTS_EXCEEDED.
 */
final class DistanceMatrixEndpoint implements HttpHandler {

    static final String PATH = "/maps/api/distancematrix/json";
    private static final int MAX_PER_SIDE = 25;
    private static final int MAX_ELEMENTS = 100;

    private final String apiKey;
    private final Gazetteer gazetteer;
    private final RequestLog<RecordedRequest> log;

    DistanceMatrixEndpoint(String apiKey, Gazetteer gazetteer, RequestLog<RecordedRequest> log) {
        this.apiKey = apiKey;
        this.gazetteer = gazetteer;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        var request = RecordedRequest.read(exchange);
        if (!request.path().equals(PATH) || !request.method().equals("GET")) {
            Responses.text(exchange, 404, "Not Found");
            return;
        }
        log.add(request);
        var query = QueryParameters.of(request.uri());
        var refusal = refusal(query);
        Responses.json(exchange, 200, refusal.orElseGet(() -> matrix(query)));
    }

    private Optional<ObjectNode> refusal(Map<String, String> query) {
        var key = query.get("key");
        if (key == null || key.isBlank()) {
            return failed("REQUEST_DENIED", "You must use an API key to authenticate each request to Google Maps "
                    + "Platform APIs. For additional information, please refer to http://g.co/dev/maps-no-account");
        }
        if (apiKey != null && !apiKey.equals(key)) {
            return failed("REQUEST_DENIED", "The provided API key is invalid. ");
        }
        var origins = split(query.get("origins"));
        var destinations = split(query.get("destinations"));
        if (origins.isEmpty() || destinations.isEmpty()) {
            return failed("INVALID_REQUEST", "Missing the 'origins' or 'destinations' parameter.");
        }
        if (TravelMode.parse(query.get("mode")).isEmpty()) {
            return failed("INVALID_REQUEST", "Invalid request. Invalid 'mode' parameter. '" + query.get("mode") + "'");
        }
        if (origins.size() > MAX_PER_SIDE || destinations.size() > MAX_PER_SIDE) {
            return failed("MAX_DIMENSIONS_EXCEEDED", null);
        }
        if (origins.size() * destinations.size() > MAX_ELEMENTS) {
            return failed("MAX_ELEMENTS_EXCEEDED", null);
        }
        return DepartureTime.parse(query.get("departure_time")).isPresent() || query.get("departure_time") == null
                ? Optional.empty()
                : failed("INVALID_REQUEST", "departure_time is in the past or not a time.");
    }

    private ObjectNode matrix(Map<String, String> query) {
        var origins = split(query.get("origins")).stream().map(gazetteer::resolve).toList();
        var destinations = split(query.get("destinations")).stream().map(gazetteer::resolve).toList();
        var trip = new Trip(TravelMode.parse(query.get("mode")).orElseThrow(),
                DepartureTime.parse(query.get("departure_time")), query.get("traffic_model"),
                TextFormat.of(query.get("language"), query.get("units")));
        var body = Json.object();
        var destinationAddresses = body.putArray("destination_addresses");
        destinations.forEach(d -> destinationAddresses.add(d.map(Place::formattedAddress).orElse("")));
        var originAddresses = body.putArray("origin_addresses");
        origins.forEach(o -> originAddresses.add(o.map(Place::formattedAddress).orElse("")));
        var rows = body.putArray("rows");
        for (var origin : origins) {
            var elements = Json.array();
            destinations.forEach(destination -> elements.add(trip.element(origin, destination)));
            rows.add(Json.object().set("elements", elements));
        }
        return body.put("status", "OK");
    }

    private static Optional<ObjectNode> failed(String status, String message) {
        var body = Json.object();
        body.putArray("destination_addresses");
        if (message != null) {
            body.put("error_message", message);
        }
        body.putArray("origin_addresses");
        body.putArray("rows");
        return Optional.of(body.put("status", status));
    }

    private static List<String> split(String values) {
        if (values == null || values.isBlank()) {
            return List.of();
        }
        return Arrays.stream(values.split("\\|")).map(String::strip).toList();
    }

    /** {@code departure_time}: "now" or Unix seconds, not more than a minute in the past. */
    static final class DepartureTime {
        private DepartureTime() {
        }

        static Optional<Instant> parse(String value) {
            if (value == null) {
                return Optional.empty();
            }
            if (value.equals("now")) {
                return Optional.of(Instant.now());
            }
            try {
                var at = Instant.ofEpochSecond(Long.parseLong(value));
                return at.isBefore(Instant.now().minusSeconds(60)) ? Optional.empty() : Optional.of(at);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
