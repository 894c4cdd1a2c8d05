package dev.switchboard.fakes.pinecone;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A deterministic text embedding for tests and the offline demo: the text is folded (lower case, accents and
 * punctuation removed, spaces collapsed, padded with one space each side), each character trigram is hashed
 * (FNV-1a, 32 bit) into one of {@link #DIMENSION} buckets with a sign from another hash bit, and the vector is
 * L2-normalised. Similar spellings share trigrams, so "c/ mayor 1 madrid" lands near "Calle Mayor, 1, Madrid".
 * The platform's offline embedder must compute exactly this to query the fake's seed data.
 */
public final class TrigramEmbedder {

    public static final int DIMENSION = 256;

    private TrigramEmbedder() {
    }

    public static float[] embed(String text) {
        var folded = " " + fold(text) + " ";
        var vector = new float[DIMENSION];
        var bytes = folded.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 3 <= bytes.length; i++) {
            int hash = fnv1a(bytes, i, 3);
            int bucket = Integer.remainderUnsigned(hash, DIMENSION);
            vector[bucket] += (hash & 0x8000_0000) == 0 ? 1f : -1f;
        }
        return normalised(vector);
    }

    /** Lower case, no accents, letters and digits separated by single spaces. */
    public static String fold(String text) {
        var plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    static int fnv1a(byte[] bytes, int offset, int length) {
        int hash = 0x811C9DC5;
        for (int i = offset; i < offset + length; i++) {
            hash ^= bytes[i] & 0xFF;
            hash *= 0x01000193;
        }
        return hash;
    }

    private static float[] normalised(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm == 0) {
            return vector;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }
}
