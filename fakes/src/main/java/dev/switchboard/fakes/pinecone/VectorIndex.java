package dev.switchboard.fakes.pinecone;

import dev.switchboard.fakes.http.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory index: namespaces of vectors with metadata, searched exhaustively (exact, not approximate). */
public final class VectorIndex {

    /** One stored record. */
    public record Vector(String id, float[] values, ObjectNode metadata) {
    }

    /** One query hit. */
    public record Match(Vector vector, double score) {
    }

    private final int dimension;
    private final Metric metric;
    private final Map<String, Map<String, Vector>> namespaces = new ConcurrentHashMap<>();

    VectorIndex(int dimension, Metric metric) {
        this.dimension = dimension;
        this.metric = metric;
    }

    public int dimension() {
        return dimension;
    }

    public Metric metric() {
        return metric;
    }

    public void upsert(String namespace, String id, float[] values, ObjectNode metadata) {
        if (values.length != dimension) {
            throw new IllegalArgumentException("Vector dimension " + values.length
                    + " does not match the dimension of the index " + dimension);
        }
        namespaces.computeIfAbsent(namespace, n -> new ConcurrentHashMap<>())
                .put(id, new Vector(id, values.clone(), metadata == null ? Json.object() : metadata.deepCopy()));
    }

    /** Embeds {@code text} with {@link TrigramEmbedder} and stores it (the index must be 256-dimensional). */
    public void upsertText(String namespace, String id, String text, ObjectNode metadata) {
        upsert(namespace, id, TrigramEmbedder.embed(text), metadata);
    }

    public Optional<Vector> fetch(String namespace, String id) {
        return Optional.ofNullable(namespaces.getOrDefault(namespace, Map.of()).get(id));
    }

    public List<Match> query(String namespace, float[] vector, int topK, JsonNode filter) {
        Comparator<Match> closest = Comparator.comparingDouble(Match::score);
        return namespaces.getOrDefault(namespace, Map.of()).values().stream()
                .filter(v -> MetadataFilter.matches(filter, v.metadata()))
                .map(v -> new Match(v, metric.score(vector, v.values())))
                .sorted(metric.higherIsCloser() ? closest.reversed() : closest)
                .limit(topK).toList();
    }

    public Map<String, Integer> namespaceCounts() {
        var counts = new TreeMap<String, Integer>();
        namespaces.forEach((name, vectors) -> counts.put(name, vectors.size()));
        return counts;
    }

    public void clear() {
        namespaces.clear();
    }
}
