package dev.switchboard.bench.whatsapp;

import dev.switchboard.bench.Arguments;
import dev.switchboard.bench.platform.PlatformProcess;
import dev.switchboard.bench.platform.ResourceSampler;
import dev.switchboard.fakes.acme.AcmeBusinessApi;
import dev.switchboard.fakes.meta.BusinessNumber;
import dev.switchboard.fakes.meta.GraphFake;
import dev.switchboard.fakes.meta.GraphOptions;
import dev.switchboard.fakes.meta.WebhookDriver;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code ./switchboard bench whatsapp --rate R --seconds S}: starts the Graph fake, the demo business API and the
 * platform (its own SWITCHBOARD_HOME, durable embedded PostgreSQL, the demo tenant answering with its offline flow),
 * connects the demo tenant's number to the fake, warms up, then posts signed inbound messages from distinct
 * customers at R per second for S seconds and waits for the replies the fake receives. Prints one JSON object.
 *
 * <p>Options: {@code --rate} (200), {@code --seconds} (20), {@code --warmup} seconds (10), {@code --duplicates} share
 * redelivered a second later (0.02), {@code --statuses} Meta's sent/delivered callbacks for every reply (true),
 * {@code --pace} the number's messages per second (1000), {@code --message} the customer's text, {@code --drain}
 * seconds to wait for late replies (60), {@code --jar}, {@code --tenants}, {@code --jvm-opts} ("-XX:+UseZGC -Xmx1g"), {@code --keep} (keep the
 * platform's home and log), {@code --statements N} (the N PostgreSQL statements that took the most time while
 * measuring, per message: {@link StatementStats}).
 */
public final class WhatsAppBench {

    static final String APP_SECRET = "bench-app-secret";
    static final String DEMO_PASSWORD = "Bench-demo-pass-" + UUID.randomUUID().toString().substring(0, 8);

    private WhatsAppBench() {
    }

    public static String run(Arguments arguments) throws Exception {
        Settings settings = Settings.from(arguments);
        Path work = Files.createTempDirectory("switchboard-bench-whatsapp-");
        Path home = Files.createDirectories(work.resolve("home"));
        int port = PlatformProcess.freePort(); // the Graph fake sends status callbacks to it
        URI webhook = URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp/acme");
        String apiToken = UUID.randomUUID().toString();
        boolean keepWork = arguments.flag("keep", false);
        try (AcmeBusinessApi businessApi = AcmeBusinessApi.start(0, apiToken);
             GraphFake graph = GraphFake.start(GraphOptions.defaults().withThroughput(settings.pace())
                     .withStatusCallback(settings.statuses() ? webhook : null, APP_SECRET))) {
            Path tenants = tenantsFor(settings, graph, work);
            var launch = PlatformProcess.Launch.of(settings.jar(), home, work.resolve("platform.log")).withPort(port)
                    .withJvmOptions(settings.jvmOptions()).withEnvironment(environment(settings, tenants, apiToken,
                            businessApi.baseUrl().toString()));
            progress("starting the platform on port " + port + " (log: " + launch.log() + ")");
            try (PlatformProcess platform = PlatformProcess.start(launch)) {
                connect(platform);
                WebhookDriver driver = WebhookDriver.create(webhook, APP_SECRET, BusinessNumber.demo());
                warmUp(settings, driver, graph);
                platform.analyzeDatabase();
                return measure(settings, driver, graph, platform);
            }
        } catch (RuntimeException | IOException e) {
            keepWork = true;
            throw e;
        } finally {
            if (keepWork) {
                progress("kept " + work + " for inspection");
            } else {
                delete(work);
            }
        }
    }

    private static Map<String, String> environment(Settings settings, Path tenants, String apiToken, String businessApi) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "SWITCHBOARD_TENANTS", tenants.toString(), "SWITCHBOARD_TENANTS_WATCH", "false",
                "SWITCHBOARD_DEMO_PASSWORD", DEMO_PASSWORD, "SWITCHBOARD_DEMO_API_TOKEN", apiToken,
                "SWITCHBOARD_ENDPOINT_ACME_BUSINESS_API", businessApi,
                "SWITCHBOARD_PRIVATE_ENDPOINTS", "acme.business_api"));
        if (settings.statements() > 0) {
            environment.put("SWITCHBOARD_DB_STATEMENT_STATS", "true");
        }
        return environment;
    }

    private static void connect(PlatformProcess platform) throws IOException, InterruptedException {
        AdminApi admin = AdminApi.signIn(platform.baseUrl(), "admin@acme.test", DEMO_PASSWORD);
        admin.putSecret("acme", "whatsapp_access_token", GraphOptions.defaults().accessToken());
        admin.putSecret("acme", "whatsapp_app_secret", APP_SECRET);
        admin.awaitLive("WhatsApp (acme)", Duration.ofSeconds(30), platform.log());
    }

    private static void warmUp(Settings settings, WebhookDriver driver, GraphFake graph) {
        if (settings.warmupSeconds() <= 0) {
            return;
        }
        double rate = Math.max(10, settings.rate() / 4);
        int count = (int) (rate * settings.warmupSeconds());
        progress("warming up: " + count + " messages at " + rate + "/s");
        LoadRun warmup = new LoadRun(driver, "349", count, settings.message());
        warmup.run(rate, 0);
        Report.awaitReplies(graph, warmup, Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    private static String measure(Settings settings, WebhookDriver driver, GraphFake graph, PlatformProcess platform) {
        int count = (int) Math.round(settings.rate() * settings.seconds());
        LoadRun run = new LoadRun(driver, "346", count, settings.message());
        progress("measuring: " + count + " messages at " + settings.rate() + "/s for " + settings.seconds() + " s");
        DatabaseCounters database = new DatabaseCounters(platform.postmasterPidFile());
        DatabaseCounters.Counters before = database.read();
        StatementStats statements = new StatementStats(platform.postmasterPidFile());
        if (settings.statements() > 0) {
            statements.reset();
        }
        try (ResourceSampler resources = ResourceSampler.platformAndDatabase(platform)) {
            run.run(settings.rate(), settings.duplicates());
            Duration drained = Report.awaitReplies(graph, run, Duration.ofSeconds(settings.drainSeconds()),
                    Duration.ofSeconds(30));
            resources.close();
            Thread.sleep(1000);
            return new Report(settings, run, graph, resources, drained, database.read().minus(before),
                    settings.statements() > 0 ? statements.read(settings.statements()) : StatementStats.Snapshot.NONE).json();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the tenants folder whose demo tenant sends to the Graph fake at the chosen pace. */
    private static Path tenantsFor(Settings settings, GraphFake graph, Path work) throws IOException {
        Path target = work.resolve("tenants");
        try (Stream<Path> files = Files.walk(settings.tenants())) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(settings.tenants().relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        Path yaml = target.resolve("acme/tenant.yaml");
        String text = Files.readString(yaml, StandardCharsets.UTF_8).replaceFirst("(?m)^    messagesPerSecond: \\d+$",
                "    messagesPerSecond: " + settings.pace() + "\n    baseUrl: " + graph.baseUrl());
        Files.writeString(yaml, text, StandardCharsets.UTF_8);
        return target;
    }

    static void progress(String line) {
        System.err.println("[bench whatsapp] " + line);
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            progress("could not delete " + root + ": " + e.getMessage());
        }
    }

    record Settings(double rate, double seconds, double warmupSeconds, double duplicates, boolean statuses, int pace,
                    String message, int drainSeconds, Path jar, Path tenants, List<String> jvmOptions, int statements) {

        static Settings from(Arguments a) {
            // A 1 GB heap as for the voice benchmark: without a cap ZGC grew to 5 GB at 1,000 msg/s, and the peak RSS
            // said what the collector was allowed to take rather than what the platform needs (438 MB with the cap).
            String jvm = a.string("jvm-opts", System.getenv().getOrDefault("JAVA_OPTS", "-XX:+UseZGC -Xmx1g"));
            return new Settings(a.decimal("rate", 200), a.decimal("seconds", 20), a.decimal("warmup", 10),
                    a.decimal("duplicates", 0.02), a.flag("statuses", true), a.integer("pace", 1000),
                    a.string("message", "Hola, quiero cancelar mi visita"), a.integer("drain", 60),
                    Path.of(a.string("jar", "platform/target/switchboard-platform.jar")).toAbsolutePath(),
                    Path.of(a.string("tenants", "tenants")).toAbsolutePath(),
                    new ArrayList<>(List.of(jvm.isBlank() ? new String[0] : jvm.trim().split("\\s+"))),
                    a.integer("statements", 0));
        }
    }
}
