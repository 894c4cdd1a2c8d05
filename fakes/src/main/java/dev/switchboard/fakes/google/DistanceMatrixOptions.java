package dev.switchboard.fakes.google;

/** How a {@link DistanceMatrixFake} starts: port (0 = free) and the API key it accepts (null = any non-empty). */
public record DistanceMatrixOptions(int port, String apiKey) {

    public static DistanceMatrixOptions defaults() {
        return new DistanceMatrixOptions(0, "test-google-key");
    }

    public DistanceMatrixOptions withPort(int value) {
        return new DistanceMatrixOptions(value, apiKey);
    }

    public DistanceMatrixOptions withApiKey(String value) {
        return new DistanceMatrixOptions(port, value);
    }
}
