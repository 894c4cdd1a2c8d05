package dev.switchboard.fakes;

import dev.switchboard.fakes.http.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the fakes named on the command line and keeps them up until SIGINT/SIGTERM:
 * {@code java -jar fakes.jar --anthropic=0 --meta=8089 --anthropic-first-token-ms=350}. Prints
 * {@code fake NAME listening on URL} per fake, then one JSON line mapping names to base URLs.
 */
public final class FakesMain {

    private FakesMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        var registry = FakeRegistry.standard();
        Map<String, String> values;
        try {
            values = parse(args);
            check(values, registry);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage(registry));
            System.exit(2);
            return;
        }
        var running = startAll(registry, values);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.forEach(FakeServer::close)));
        new CountDownLatch(1).await();
    }

    /** Starts every fake named in {@code values}, in registry order, and prints where each listens. */
    static List<FakeServer> startAll(FakeRegistry registry, Map<String, String> values) {
        var running = new ArrayList<FakeServer>();
        var summary = Json.object();
        for (var name : registry.names()) {
            if (!values.containsKey(name)) {
                continue;
            }
            var port = values.get(name).isEmpty() ? 0 : Integer.parseInt(values.get(name));
            var fake = registry.start(new FakeOptions(name, port, values));
            running.add(fake);
            System.out.println("fake " + name + " listening on " + fake.baseUrl());
            summary.put(name, fake.baseUrl().toString());
        }
        var line = Json.object();
        line.set("fakes", summary);
        System.out.println(Json.string(line));
        System.out.flush();
        return running;
    }

    /** {@code --key=value} and bare {@code --key} (empty value) into an ordered map. */
    static Map<String, String> parse(String[] args) {
        var values = new LinkedHashMap<String, String>();
        for (var arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            int eq = arg.indexOf('=');
            values.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "" : arg.substring(eq + 1));
        }
        return values;
    }

    private static void check(Map<String, String> values, FakeRegistry registry) {
        if (values.containsKey("help") || registry.names().stream().noneMatch(values::containsKey)) {
            throw new IllegalArgumentException("name at least one fake to start");
        }
        for (var key : values.keySet()) {
            boolean known = registry.names().stream().anyMatch(n -> key.equals(n) || key.startsWith(n + "-"));
            if (!known) {
                throw new IllegalArgumentException("unknown option --" + key);
            }
        }
    }

    private static String usage(FakeRegistry registry) {
        return "usage: java -jar fakes.jar --NAME[=PORT] [--NAME-OPTION=VALUE ...]   (PORT 0 or none = a free port)\n"
                + "fakes: " + String.join(", ", registry.names()) + "\n"
                + "options: --anthropic-first-token-ms, --anthropic-tokens-per-second, --anthropic-api-key,\n"
                + "  --openai-first-token-ms, --openai-tokens-per-second, --openai-api-key, --openai-quirks=a,b,\n"
                + "  --google-api-key, --pinecone-api-key, --pinecone-seed=false, --meta-access-token,\n"
                + "  --meta-throughput, --meta-window-rule=off|reject|fail-by-status, --meta-status-callback=URL,\n"
                + "  --meta-app-secret";
    }
}
