package dev.switchboard.bench;

import dev.switchboard.bench.voice.VoiceBenchmark;
import dev.switchboard.voice.pipeline.bench.ListeningPathBenchmark;
import dev.switchboard.bench.webchat.WebchatBench;
import dev.switchboard.bench.whatsapp.WhatsAppBench;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./switchboard bench <name> [--option value ...]}: runs the named benchmark, which prints one JSON object
 * on standard output (progress goes to standard error). A benchmark is one line in the table below.
 */
public final class BenchMain {

    /** A benchmark: reads its options, runs, prints its JSON and returns the process exit code. */
    public interface Benchmark {
        int run(Arguments arguments) throws Exception;
    }

    private static final Map<String, Benchmark> BENCHMARKS = new TreeMap<>(Map.of(
            "voice", arguments -> {
                VoiceBenchmark.main(arguments.raw());
                return 0;
            },
            "listening", arguments -> {
                ListeningPathBenchmark.main(arguments.raw());
                return 0;
            },
            "webchat", WebchatBench::run,
            "whatsapp", printing(WhatsAppBench::run)));

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Benchmark benchmark = args.length == 0 ? null : BENCHMARKS.get(args[0]);
        if (benchmark == null) {
            System.err.println("usage: switchboard bench <" + String.join("|", BENCHMARKS.keySet()) + "> [--option value ...]");
            System.exit(args.length == 0 ? 0 : 2);
        }
        System.exit(benchmark.run(Arguments.parse(Arrays.copyOfRange(args, 1, args.length))));
    }

    /** For a benchmark that returns its JSON rather than printing it. */
    private interface Reporting {
        String run(Arguments arguments) throws Exception;
    }

    private static Benchmark printing(Reporting reporting) {
        return arguments -> {
            System.out.println(reporting.run(arguments));
            return 0;
        };
    }
}
