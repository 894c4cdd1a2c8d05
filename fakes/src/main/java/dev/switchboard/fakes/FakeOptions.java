package dev.switchboard.fakes;

import java.time.Duration;
import java.util.Map;

/**
 * The command-line options of one fake: {@code --name=PORT} gives the port, {@code --name-key=value} the rest,
 * read here without the name prefix ({@code string("api-key", null)} reads {@code --anthropic-api-key}).
 */
public record FakeOptions(String name, int port, Map<String, String> values) {

    public FakeOptions {
        values = Map.copyOf(values);
    }

    public String string(String key, String fallback) {
        return values.getOrDefault(name + "-" + key, fallback);
    }

    public int integer(String key, int fallback) {
        var value = values.get(name + "-" + key);
        return value == null ? fallback : Integer.parseInt(value);
    }

    public double decimal(String key, double fallback) {
        var value = values.get(name + "-" + key);
        return value == null ? fallback : Double.parseDouble(value);
    }

    public boolean flag(String key, boolean fallback) {
        var value = values.get(name + "-" + key);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }

    public Duration millis(String key, long fallbackMillis) {
        return Duration.ofMillis(integer(key, (int) fallbackMillis));
    }
}
