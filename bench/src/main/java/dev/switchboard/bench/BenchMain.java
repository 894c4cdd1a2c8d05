package dev.switchboard.bench;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** {@code ./switchboard bench <name> [options]}: runs the benchmark of that name, which prints one JSON object. */
public final class BenchMain {

    /** Benchmark name to its main class; add a line per benchmark. */
    private static final Map<String, String> BENCHMARKS = new TreeMap<>(Map.of(
            "voice", "dev.switchboard.bench.voice.VoiceBenchmark"));

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !BENCHMARKS.containsKey(args[0])) {
            System.err.println("usage: ./switchboard bench <name> [options]; benchmarks: " + String.join(", ", BENCHMARKS.keySet()));
            System.exit(2);
        }
        Method main = Class.forName(BENCHMARKS.get(args[0])).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }
}
