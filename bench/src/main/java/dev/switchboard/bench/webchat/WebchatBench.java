package dev.switchboard.bench.webchat;

import dev.switchboard.bench.Arguments;
import dev.switchboard.bench.platform.PlatformProcess;
import dev.switchboard.fakes.anthropic.AnthropicFake;
import dev.switchboard.fakes.anthropic.AnthropicOptions;
import dev.switchboard.fakes.llm.DefaultResponder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code ./switchboard bench webchat --sessions N --seconds S}: N widget sessions, each sending a message every
 * few seconds and waiting for the streamed reply, against a platform whose LLM is the Anthropic fake with a fixed
 * first-token latency. Prints one JSON object (see {@link WebchatReport}).
 *
 * <p>Without {@code --url} it starts the fake and a platform of its own (the bench tenant, the fake as the
 * operator's LLM endpoint). With {@code --url} it drives a running platform: that platform's tenant
 * ({@code --tenant}, {@code --origin}) must already use a fake answering with {@code --first-token-ms}, and
 * {@code --pid} names its process for the memory and CPU figures.
 */
public final class WebchatBench {

    private WebchatBench() {
    }

    record Options(int sessions, int seconds, int warmupSeconds, int intervalMs, int firstTokenMs,
                   double tokensPerSecond, String url, String tenant, String origin, long pid, List<String> jvm,
                   Path jar) {

        static Options of(Arguments args) {
            return new Options(args.integer("sessions", 500), args.integer("seconds", 60), args.integer("warmup", 15),
                    args.integer("interval-ms", 5000), args.integer("first-token-ms", 200),
                    Double.parseDouble(args.string("tokens-per-second", "100")), args.string("url", null),
                    args.string("tenant", BenchTenant.SLUG), args.string("origin", null),
                    Long.parseLong(args.string("pid", "0")),
                    Arrays.stream(args.string("jvm", "-XX:+UseZGC").split(" ")).filter(s -> !s.isBlank()).toList(),
                    Path.of(args.string("jar", "platform/target/switchboard-platform.jar")));
        }
    }

    public static int run(Arguments args) throws Exception {
        Options options = Options.of(args);
        if (options.url() != null) {
            var report = new LoadRun(options, java.net.URI.create(options.url()), options.pid(), () -> { }).call();
            System.out.println(report.json());
            return 0;
        }
        Path home = Files.createTempDirectory("switchboard-bench-");
        var responder = new DefaultResponder(Duration.ofMillis(options.firstTokenMs()), options.tokensPerSecond());
        try (AnthropicFake fake = AnthropicFake.start(AnthropicOptions.defaults().withResponder(responder))) {
            Map<String, String> environment = Map.ofEntries(
                    Map.entry("SWITCHBOARD_TENANTS", BenchTenant.write(home.resolve("tenants")).toString()),
                    Map.entry("SWITCHBOARD_TENANTS_WATCH", "false"),
                    Map.entry("SWITCHBOARD_DEMO", "false"),
                    Map.entry("ANTHROPIC_BASE_URL", fake.baseUrl().toString()),
                    Map.entry("ANTHROPIC_API_KEY", "bench-key"),
                    Map.entry("SWITCHBOARD_WEBCHAT_SESSIONS_PER_MINUTE", "1000000"),
                    Map.entry("JAVA_TOOL_OPTIONS", ""));
            System.err.println("[bench] starting the platform (log: " + home.resolve("platform.log") + ")");
            var launch = PlatformProcess.Launch.of(options.jar(), home.resolve("home"), home.resolve("platform.log"))
                    .withJvmOptions(options.jvm()).withEnvironment(environment).withStartupCache();
            try (PlatformProcess platform = PlatformProcess.start(launch)) {
                var report = new LoadRun(options, platform.baseUrl(), platform.pid(), platform::analyzeDatabase).call();
                System.out.println(report.json());
            }
        }
        return 0;
    }
}
