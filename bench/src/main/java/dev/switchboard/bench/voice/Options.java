package dev.switchboard.bench.voice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} and {@code --name=value} options; a name may repeat ({@code --say a --say b}). */
final class Options {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    Options(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(2, eq) : arg.substring(2);
            String value = eq > 0 ? arg.substring(eq + 1) : i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }

    String string(String name, String fallback) {
        List<String> all = values.get(name);
        return all == null ? fallback : all.getLast();
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    int integer(String name, int fallback) {
        return Integer.parseInt(string(name, String.valueOf(fallback)));
    }

    boolean has(String name) {
        return values.containsKey(name);
    }
}
