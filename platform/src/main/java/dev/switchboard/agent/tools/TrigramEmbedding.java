package dev.switchboard.agent.tools;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The address index's embedding: the text folded (lower case, no accents, letters and digits separated by single
 * spaces, one space of padding each side), every UTF-8 byte trigram hashed with 32-bit FNV-1a into one of 256
 * buckets (the hash's top bit gives the sign), then L2-normalised. Queries must be embedded exactly as the index's
 * records were, or nearest neighbours mean nothing; similar spellings share trigrams, so "c/ mayor 1 madrid" lands
 * near "Calle Mayor, 1, 28013 Madrid".
 */
final class TrigramEmbedding {

    static final int DIMENSION = 256;
    private static final int FNV_OFFSET = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;

    private TrigramEmbedding() {
    }

    static float[] of(String text) {
        byte[] bytes = (" " + fold(text) + " ").getBytes(StandardCharsets.UTF_8);
        float[] vector = new float[DIMENSION];
        for (int i = 0; i + 3 <= bytes.length; i++) {
            int hash = fnv1a(bytes, i);
            vector[Integer.remainderUnsigned(hash, DIMENSION)] += hash < 0 ? -1f : 1f;
        }
        return normalised(vector);
    }

    static String fold(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static int fnv1a(byte[] bytes, int offset) {
        int hash = FNV_OFFSET;
        for (int i = offset; i < offset + 3; i++) {
            hash ^= bytes[i] & 0xFF;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    private static float[] normalised(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= scale;
            }
        }
        return vector;
    }
}
