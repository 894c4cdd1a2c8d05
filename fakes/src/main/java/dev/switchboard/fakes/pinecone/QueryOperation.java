package dev.switchboard.fakes.pinecone;

import dev.switchboard.fakes.http.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /query}: exactly one of {@code vector} or {@code id}; {@code topK} 1-10000 (1000 when values or
 * metadata are included); optional {@code namespace} and {@code filter}. Answers {@code matches}, {@code namespace}
 * and {@code usage.readUnits}.
 */
final class QueryOperation {

    private static final int MIN_READ_UNITS = 5;

    private final VectorIndex index;

    QueryOperation(VectorIndex index) {
        this.index = index;
    }

    ObjectNode run(JsonNode body) {
        var namespace = body.path("namespace").asString("");
        boolean includeValues = body.path("includeValues").asBoolean(false);
        boolean includeMetadata = body.path("includeMetadata").asBoolean(false);
        int topK = topK(body, includeValues || includeMetadata);
        MetadataFilter.validate(body.path("filter"));
        var matches = index.query(namespace, queryVector(body, namespace), topK, body.path("filter"));
        var response = Json.object();
        response.putArray("results");
        var array = response.putArray("matches");
        matches.forEach(m -> array.add(json(m.vector(), includeValues, includeMetadata).put("score", m.score())));
        response.put("namespace", namespace);
        response.set("usage", Json.object().put("readUnits", MIN_READ_UNITS));
        return response;
    }

    private static int topK(JsonNode body, boolean includesPayload) {
        if (!body.path("topK").isIntegralNumber()) {
            throw DataPlaneError.invalidArgument("Invalid request: topK is required and must be an integer");
        }
        int topK = body.path("topK").asInt();
        int max = includesPayload ? 1000 : 10_000;
        if (topK < 1 || topK > max) {
            throw DataPlaneError.invalidArgument("topK must be between 1 and " + max
                    + (includesPayload ? " when including values or metadata" : ""));
        }
        return topK;
    }

    private float[] queryVector(JsonNode body, String namespace) {
        boolean byVector = body.has("vector");
        boolean byId = body.has("id");
        if (byVector == byId) {
            throw DataPlaneError.invalidArgument(byVector ? "Cannot provide both 'id' and 'vector'"
                    : "No query provided: give 'vector' or 'id'");
        }
        if (byId) {
            return index.fetch(namespace, Json.text(body, "id")).map(VectorIndex.Vector::values)
                    .orElse(new float[index.dimension()]);
        }
        var vector = floats(body.path("vector"));
        if (vector.length != index.dimension()) {
            throw DataPlaneError.invalidArgument("Query vector dimension " + vector.length
                    + " does not match the dimension of the index " + index.dimension());
        }
        return vector;
    }

    static float[] floats(JsonNode array) {
        if (!array.isArray()) {
            throw DataPlaneError.invalidArgument("values must be an array of numbers");
        }
        var values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }

    static ObjectNode json(VectorIndex.Vector vector, boolean includeValues, boolean includeMetadata) {
        var json = Json.object().put("id", vector.id());
        var values = json.putArray("values");
        if (includeValues) {
            for (float v : vector.values()) {
                values.add(v);
            }
        }
        if (includeMetadata) {
            json.set("metadata", vector.metadata());
        }
        return json;
    }
}
