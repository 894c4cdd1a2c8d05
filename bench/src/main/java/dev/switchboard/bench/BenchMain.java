package dev.switchboard.bench;

import dev.switchboard.bench.webchat.WebchatBench;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./switchboard bench <name> [--option value ...]}: runs the named benchmark, which prints one JSON object
 * on standard output (progress goes to standard error).
 */
public final class BenchMain {

    /** A benchmark: parses its own options and returns the process exit code. */
    public interface Benchmark {
        int run(BenchArgs args) throws Exception;
    }

    private static final Map<String, Benchmark> BENCHMARKS = new TreeMap<>(Map.of(
            "webchat", WebchatBench::run));

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Benchmark benchmark = args.length == 0 ? null : BENCHMARKS.get(args[0]);
        if (benchmark == null) {
            System.err.println("usage: switchboard bench <" + String.join("|", BENCHMARKS.keySet()) + "> [--option value ...]");
            System.exit(2);
        }
        System.exit(benchmark.run(BenchArgs.parse(Arrays.copyOfRange(args, 1, args.length))));
    }
}
