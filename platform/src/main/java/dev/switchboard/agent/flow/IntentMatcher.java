package dev.switchboard.agent.flow;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TF-IDF over character n-grams (3 to 5, inside word boundaries) and whole words, compared by cosine similarity,
 * accents and case ignored: "¿Cuándo llega el técnico?" matches "cuando llega el tecnico", and a typo still shares
 * most of its n-grams. Each intent scores its best example.
 */
final class IntentMatcher {

    record Example(String intent, String text) {
    }

    record Match(String intent, double score) {
    }

    private final List<Example> examples;
    private final List<Map<String, Double>> vectors = new ArrayList<>();
    private final Map<String, Double> idf = new HashMap<>();

    IntentMatcher(List<Example> examples) {
        this.examples = List.copyOf(examples);
        List<Map<String, Integer>> counts = examples.stream().map(e -> features(e.text())).toList();
        Map<String, Integer> documentFrequency = new HashMap<>();
        counts.forEach(c -> c.keySet().forEach(f -> documentFrequency.merge(f, 1, Integer::sum)));
        int n = Math.max(1, counts.size());
        documentFrequency.forEach((f, df) -> idf.put(f, Math.log((1.0 + n) / (1.0 + df)) + 1.0));
        counts.forEach(c -> vectors.add(weigh(c)));
    }

    Match best(String text) {
        Map<String, Double> query = weigh(features(text));
        Map<String, Double> byIntent = new HashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            double score = cosine(query, vectors.get(i));
            byIntent.merge(examples.get(i).intent(), score, Math::max);
        }
        return byIntent.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> new Match(e.getKey(), e.getValue())).orElse(new Match(null, 0));
    }

    private Map<String, Double> weigh(Map<String, Integer> counts) {
        Map<String, Double> vector = new HashMap<>();
        counts.forEach((f, c) -> vector.put(f, (1 + Math.log(c)) * idf.getOrDefault(f, 1.0)));
        double norm = Math.sqrt(vector.values().stream().mapToDouble(v -> v * v).sum());
        if (norm > 0) {
            vector.replaceAll((f, v) -> v / norm);
        }
        return vector;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() < b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (var e : small.entrySet()) {
            dot += e.getValue() * large.getOrDefault(e.getKey(), 0.0);
        }
        return dot;
    }

    static Map<String, Integer> features(String text) {
        Map<String, Integer> features = new HashMap<>();
        for (String word : normalize(text).split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            features.merge("w:" + word, 2, Integer::sum);
            String padded = "<" + word + ">";
            for (int size = 3; size <= 5; size++) {
                for (int i = 0; i + size <= padded.length(); i++) {
                    features.merge(padded.substring(i, i + size), 1, Integer::sum);
                }
            }
        }
        return features;
    }

    static String normalize(String text) {
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^a-z0-9]+", " ").strip();
    }
}
