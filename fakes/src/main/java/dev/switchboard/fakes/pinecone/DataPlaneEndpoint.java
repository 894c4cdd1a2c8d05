package dev.switchboard.fakes.pinecone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.http.QueryParameters;
import dev.switchboard.fakes.http.RecordedRequest;
import dev.switchboard.fakes.http.RequestLog;
import dev.switchboard.fakes.http.Responses;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Routes the data-plane calls after the {@code Api-Key} check and turns rule violations into 400s. */
final class DataPlaneEndpoint implements HttpHandler {

    private final String apiKey;
    private final VectorIndex index;
    private final QueryOperation query;
    private final RequestLog<RecordedRequest> log;

    DataPlaneEndpoint(String apiKey, VectorIndex index, RequestLog<RecordedRequest> log) {
        this.apiKey = apiKey;
        this.index = index;
        this.query = new QueryOperation(index);
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        var request = RecordedRequest.read(exchange);
        log.add(request);
        try {
            var key = request.header("api-key");
            if (key == null || key.isBlank() || (apiKey != null && !apiKey.equals(key))) {
                throw DataPlaneError.unauthenticated();
            }
            Responses.json(exchange, 200, route(request));
        } catch (DataPlaneError e) {
            e.write(exchange);
        } catch (MetadataFilter.InvalidFilter | IllegalArgumentException e) {
            DataPlaneError.invalidArgument(e.getMessage()).write(exchange);
        }
    }

    private ObjectNode route(RecordedRequest request) {
        var route = request.method() + " " + request.path();
        return switch (route) {
            case "POST /query" -> query.run(body(request));
            case "POST /vectors/upsert" -> upsert(body(request));
            case "GET /vectors/fetch" -> fetch(request);
            case "POST /describe_index_stats", "GET /describe_index_stats" -> stats();
            default -> throw DataPlaneError.notFound("Not Found: " + route);
        };
    }

    private static JsonNode body(RecordedRequest request) {
        if (!request.json().isObject()) {
            throw DataPlaneError.invalidArgument("The request body is not valid JSON");
        }
        return request.json();
    }

    private ObjectNode upsert(JsonNode body) {
        var vectors = body.path("vectors");
        if (!vectors.isArray() || vectors.isEmpty() || vectors.size() > 1000) {
            throw DataPlaneError.invalidArgument("vectors must hold between 1 and 1000 records");
        }
        var namespace = body.path("namespace").asString("");
        for (var vector : vectors) {
            var id = Json.text(vector, "id");
            if (id == null || id.isEmpty()) {
                throw DataPlaneError.invalidArgument("Invalid request: a vector id is required");
            }
            var metadata = vector.path("metadata");
            index.upsert(namespace, id, QueryOperation.floats(vector.path("values")),
                    metadata.isObject() ? (ObjectNode) metadata : null);
        }
        return Json.object().put("upsertedCount", vectors.size());
    }

    private ObjectNode fetch(RecordedRequest request) {
        var namespace = QueryParameters.of(request.uri()).getOrDefault("namespace", "");
        var vectors = Json.object();
        var raw = request.uri().getRawQuery() == null ? "" : request.uri().getRawQuery();
        for (var pair : raw.split("&")) {
            if (pair.startsWith("ids=")) {
                var id = URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
                index.fetch(namespace, id).ifPresent(v -> vectors.set(id, QueryOperation.json(v, true, true)));
            }
        }
        var body = Json.object();
        body.set("vectors", vectors);
        body.put("namespace", namespace);
        body.set("usage", Json.object().put("readUnits", 1));
        return body;
    }

    private ObjectNode stats() {
        var namespaces = Json.object();
        int total = 0;
        for (var entry : index.namespaceCounts().entrySet()) {
            namespaces.set(entry.getKey(), Json.object().put("vectorCount", entry.getValue()));
            total += entry.getValue();
        }
        var body = Json.object();
        body.set("namespaces", namespaces);
        return body.put("dimension", index.dimension()).put("indexFullness", 0.0).put("totalVectorCount", total)
                .put("metric", index.metric().name().toLowerCase(Locale.ROOT)).put("vectorType", "dense");
    }
}
