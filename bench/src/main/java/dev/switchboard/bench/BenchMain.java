package dev.switchboard.bench;

import dev.switchboard.bench.whatsapp.WhatsAppBench;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./switchboard bench <name> [--option value ...]}: runs one benchmark and prints its JSON result on
 * standard output (progress goes to standard error). A benchmark is one line in the table below.
 */
public final class BenchMain {

    /** A benchmark: reads its options, runs, returns the JSON object to print. */
    public interface Benchmark {
        String run(Arguments arguments) throws Exception;
    }

    private static final Map<String, Benchmark> BENCHMARKS = new TreeMap<>(Map.of(
            "whatsapp", WhatsAppBench::run
    ));

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !BENCHMARKS.containsKey(args[0])) {
            System.err.println("usage: switchboard bench <" + String.join("|", BENCHMARKS.keySet()) + "> [--option value ...]");
            System.exit(args.length == 0 ? 0 : 2);
        }
        Arguments arguments = Arguments.parse(Arrays.copyOfRange(args, 1, args.length));
        System.out.println(BENCHMARKS.get(args[0]).run(arguments));
        System.exit(0);
    }
}
