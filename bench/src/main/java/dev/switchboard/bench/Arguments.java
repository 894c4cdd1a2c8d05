package dev.switchboard.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} and {@code --flag} options; a benchmark reads what it knows with defaults. */
public final class Arguments {

    private final Map<String, String> values;
    private final String[] raw;

    private Arguments(Map<String, String> values, String[] raw) {
        this.values = values;
        this.raw = raw;
    }

    /** The options as given, for a benchmark that parses its own. */
    public String[] raw() {
        return raw.clone();
    }

    public static Arguments parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + args[i]);
            }
            String name = args[i].substring(2);
            int equals = name.indexOf('=');
            if (equals > 0) {
                values.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(name, args[++i]);
            } else {
                values.put(name, "true");
            }
        }
        return new Arguments(values, args.clone());
    }

    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    public double decimal(String name, double fallback) {
        return values.containsKey(name) ? Double.parseDouble(values.get(name)) : fallback;
    }

    public boolean flag(String name, boolean fallback) {
        return values.containsKey(name) ? Boolean.parseBoolean(values.get(name)) : fallback;
    }
}
