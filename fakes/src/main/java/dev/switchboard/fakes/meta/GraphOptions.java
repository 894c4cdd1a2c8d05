package dev.switchboard.fakes.meta;

import java.net.URI;

/**
 * How a {@link GraphFake} starts: port (0 = free), the access token it accepts, per-number throughput (messages
 * per second, Meta's default 80), the 24-hour window rule, and where to send status callbacks (null = nowhere;
 * statuses are then only recorded), signed with {@code appSecret} for {@code number}.
 */
public record GraphOptions(int port, String accessToken, double throughputPerSecond, WindowRule windowRule,
                           URI statusCallback, String appSecret, BusinessNumber number) {

    public static GraphOptions defaults() {
        return new GraphOptions(0, "test-meta-token", 80, WindowRule.OFF, null, "test-app-secret",
                BusinessNumber.demo());
    }

    public GraphOptions withPort(int value) {
        return new GraphOptions(value, accessToken, throughputPerSecond, windowRule, statusCallback, appSecret, number);
    }

    public GraphOptions withAccessToken(String value) {
        return new GraphOptions(port, value, throughputPerSecond, windowRule, statusCallback, appSecret, number);
    }

    public GraphOptions withThroughput(double messagesPerSecond) {
        return new GraphOptions(port, accessToken, messagesPerSecond, windowRule, statusCallback, appSecret, number);
    }

    public GraphOptions withWindowRule(WindowRule value) {
        return new GraphOptions(port, accessToken, throughputPerSecond, value, statusCallback, appSecret, number);
    }

    /** Status webhooks for accepted messages go to {@code target}, signed with {@code secret}. */
    public GraphOptions withStatusCallback(URI target, String secret) {
        return new GraphOptions(port, accessToken, throughputPerSecond, windowRule, target, secret, number);
    }

    public GraphOptions withNumber(BusinessNumber value) {
        return new GraphOptions(port, accessToken, throughputPerSecond, windowRule, statusCallback, appSecret, value);
    }
}
