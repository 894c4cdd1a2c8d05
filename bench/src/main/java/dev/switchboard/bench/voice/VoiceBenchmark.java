package dev.switchboard.bench.voice;

import dev.switchboard.bench.platform.PlatformProcess;
import dev.switchboard.bench.platform.ResourceSampler;
import dev.switchboard.fakes.twilio.CallTimings;
import dev.switchboard.voice.pipeline.audio.MuLaw;
import dev.switchboard.voice.pipeline.tts.flite.FliteSynthesizer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ./switchboard bench voice --calls N --seconds S}: N concurrent callers with real (flite) speech against a
 * platform started for the run, whose speech and model providers are the fakes at the reference latencies
 * ({@code --stt-ms 180 --llm-ms 350 --tts-ms 200}); a fifth of the callers barge in. Prints one JSON object:
 * response times (caller's last speech frame to the agent's first audio frame), the platform's overhead (response
 * minus the injected delays and the VAD's 200 ms stop window), outbound jitter, barge-in {@code clear} latency,
 * failed and dropped calls, and the platform's peak RSS and CPU. A warm-up ({@code --warmup} seconds, 20, with a
 * quarter of the callers, at least ten) runs first and is not measured. {@code --jvm-opts} replaces the platform's
 * JVM options ({@code --heap 1g} with ZGC by default).
 */
public final class VoiceBenchmark {

    private static final int VAD_STOP_MS = 200;
    private static final String AUTH_TOKEN = "bench-twilio-auth-token";
    private static final String DEMO_PASSWORD = "bench-demo-password";
    private static final List<String> PHRASES = List.of("I want to confirm my visit", "When will the technician arrive?",
            "Can we move the visit to another day?", "Who is coming to my house?");

    private VoiceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args);
        int calls = o.integer("calls", 50);
        int seconds = o.integer("seconds", 60);
        int stt = o.integer("stt-ms", 180);
        int llm = o.integer("llm-ms", 350);
        int tts = o.integer("tts-ms", 200);
        List<byte[]> speech = PHRASES.stream().map(VoiceBenchmark::speech).toList();
        try (BenchFakes fakes = BenchFakes.start(stt, llm, tts, "when will the technician arrive");
             PlatformProcess platform = start(Path.of(o.string("jar", "platform/target/switchboard-platform.jar")),
                     fakes.environment(), jvmOptions(o))) {
            int warmup = o.integer("warmup", 20);
            int warmupCalls = Math.min(calls, Math.max(10, calls / 4));
            if (warmup > 0) {
                // A platform fresh from start-up compiles its hot paths during the first turns; measured, those
                // seconds said more about the JIT than about a platform that has been taking calls for a while.
                run(platform.baseUrl(), warmupCalls, warmup, speech, Math.min(5, warmup));
            }
            ResourceSampler resources = ResourceSampler.platform(platform.pid());
            double benchCpuBefore = benchCpu();
            long started = System.nanoTime();
            List<SimulatedCaller.Outcome> outcomes = run(platform.baseUrl(), calls, seconds, speech, o.integer("ramp-seconds", 10));
            double wall = (System.nanoTime() - started) / 1e9;
            Thread.sleep(5000); // the calls' last turns are written as they close
            resources.close();
            ObjectNode report = report(outcomes, stt + llm + tts + VAD_STOP_MS);
            report.put("seconds", seconds).put("wall_seconds", round(wall))
                    .put("peak_rss_mb", resources.platformHighWaterRssMb());
            report.putObject("warmup").put("calls", warmup > 0 ? warmupCalls : 0).put("seconds", warmup);
            report.putObject("cpu_cores").put("platform", round(resources.platformCpuSeconds() / wall))
                    .put("load_generator", round((benchCpu() - benchCpuBefore) / wall))
                    .put("machine", Runtime.getRuntime().availableProcessors());
            report.putObject("injected_ms").put("stt_final", stt).put("llm_first_token", llm).put("tts_first_audio", tts)
                    .put("vad_stop_window", VAD_STOP_MS);
            PlatformApi.signIn(platform.baseUrl().toString(), "admin@acme.test", DEMO_PASSWORD)
                    .map(api -> {
                        try {
                            return api.get("/api/v1/tenants/acme/calls/latency?days=1");
                        } catch (Exception e) {
                            return null;
                        }
                    }).ifPresent(stages -> report.set("platform_stages_ms", stages));
            report.put("platform_log", platform.log().toString());
            System.out.println(report.toPrettyString());
        }
    }

    /**
     * The platform on the fakes, with a throw-away home (its log in it), and the demo tenant's Twilio auth token and
     * admin password set to values the simulated callers and the report's sign-in know.
     */
    private static PlatformProcess start(Path jar, Map<String, String> fakes, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("switchboard-bench-");
        Map<String, String> environment = new HashMap<>(fakes);
        environment.putAll(Map.of("SWITCHBOARD_DEMO_TWILIO_AUTH_TOKEN", AUTH_TOKEN, "SWITCHBOARD_DEMO_API_TOKEN", "bench",
                "SWITCHBOARD_DEMO_PASSWORD", DEMO_PASSWORD, "SWITCHBOARD_TENANTS_WATCH", "false",
                "DATABASE_POOL_SIZE", "40"));
        PlatformProcess platform = PlatformProcess.start(PlatformProcess.Launch.of(jar, home, home.resolve("platform.log"))
                .withJvmOptions(jvmOptions).withEnvironment(environment)
                .withHealthTimeout(Duration.ofMinutes(4)));
        Thread.sleep(3000); // the demo seeding (the Twilio token) runs once the application is ready
        return platform;
    }

    /** {@code --jvm-opts} as given, else a {@code --heap} (1g) with ZGC. */
    private static List<String> jvmOptions(Options o) {
        String given = o.string("jvm-opts", "");
        return given.isBlank() ? List.of("-Xmx" + o.string("heap", "1g"), "-XX:+UseZGC")
                : List.of(given.trim().split("\\s+"));
    }

    private static List<SimulatedCaller.Outcome> run(URI url, int calls, int seconds, List<byte[]> speech, int ramp)
            throws Exception {
        long deadline = System.nanoTime() + (long) (seconds + ramp) * 1_000_000_000L;
        List<Future<SimulatedCaller.Outcome>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < calls; i++) {
                int index = i;
                futures.add(pool.submit(() -> SimulatedCaller.call(url, AUTH_TOKEN, index, speech, deadline,
                        index % 5 == 0)));
                Thread.sleep(ramp * 1000L / Math.max(1, calls));
            }
            List<SimulatedCaller.Outcome> outcomes = new ArrayList<>();
            for (Future<SimulatedCaller.Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        }
    }

    private static ObjectNode report(List<SimulatedCaller.Outcome> outcomes, int injected) {
        List<Double> responses = new ArrayList<>();
        List<Double> jitter = new ArrayList<>();
        List<Double> clears = new ArrayList<>();
        int turns = 0;
        for (SimulatedCaller.Outcome outcome : outcomes) {
            turns += outcome.turns();
            CallTimings t = outcome.timings();
            if (t != null) {
                responses.addAll(t.responses());
                jitter.addAll(t.jitter());
                clears.addAll(t.clears());
            }
        }
        ObjectNode report = JsonMapper.builder().build().createObjectNode();
        report.put("calls", outcomes.size()).put("turns", turns);
        report.putObject("response_ms").put("p50", p(responses, 50)).put("p95", p(responses, 95)).put("p99", p(responses, 99))
                .put("count", responses.size());
        List<Double> overhead = responses.stream().map(r -> r - injected).toList();
        report.putObject("overhead_ms").put("p50", p(overhead, 50)).put("p99", p(overhead, 99));
        report.putObject("outbound_jitter_ms").put("p50", p(jitter, 50)).put("p99", p(jitter, 99)).put("frames", jitter.size());
        report.putObject("barge_in_clear_ms").put("p50", p(clears, 50)).put("p99", p(clears, 99)).put("count", clears.size());
        report.put("failed_calls", outcomes.stream().filter(SimulatedCaller.Outcome::failed).count());
        report.put("dropped_calls", outcomes.stream().filter(SimulatedCaller.Outcome::dropped).count());
        var problems = report.putArray("problems");
        outcomes.stream().map(SimulatedCaller.Outcome::problem).filter(java.util.Objects::nonNull).distinct().limit(5).forEach(problems::add);
        return report;
    }

    /** Real speech with its leading and trailing silence cut, so the last frame sent is the last word's end. */
    static byte[] speech(String text) {
        return MuLaw.trimQuiet(new FliteSynthesizer("slt").toMulaw8k(text), 500);
    }

    private static double p(Collection<Double> values, int percentile) {
        if (values.isEmpty()) {
            return -1;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return round(sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)]);
    }

    private static double benchCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
