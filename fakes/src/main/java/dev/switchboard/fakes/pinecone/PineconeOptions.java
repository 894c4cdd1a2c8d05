package dev.switchboard.fakes.pinecone;

/**
 * How a {@link PineconeFake} starts: port (0 = free), the {@code Api-Key} it accepts (null = any non-empty),
 * the index dimension and metric, and whether to load {@link AddressSeed}.
 */
public record PineconeOptions(int port, String apiKey, int dimension, Metric metric, boolean seedAddresses) {

    public static PineconeOptions defaults() {
        return new PineconeOptions(0, "test-pinecone-key", TrigramEmbedder.DIMENSION, Metric.COSINE, true);
    }

    public PineconeOptions withPort(int value) {
        return new PineconeOptions(value, apiKey, dimension, metric, seedAddresses);
    }

    public PineconeOptions withApiKey(String value) {
        return new PineconeOptions(port, value, dimension, metric, seedAddresses);
    }

    public PineconeOptions withIndex(int newDimension, Metric newMetric) {
        return new PineconeOptions(port, apiKey, newDimension, newMetric, false);
    }

    public PineconeOptions withoutSeed() {
        return new PineconeOptions(port, apiKey, dimension, metric, false);
    }
}
