package dev.switchboard.fakes.pinecone;

/** The index's similarity metric; for euclidean, Pinecone reports the squared distance and lower is closer. */
public enum Metric {
    COSINE, DOTPRODUCT, EUCLIDEAN;

    double score(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        double squared = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
            squared += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return switch (this) {
            case COSINE -> normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
            case DOTPRODUCT -> dot;
            case EUCLIDEAN -> squared;
        };
    }

    boolean higherIsCloser() {
        return this != EUCLIDEAN;
    }
}
