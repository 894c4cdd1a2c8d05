package dev.switchboard.bench.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform under test, started from its jar as a child process with a SWITCHBOARD_HOME (so an embedded
 * PostgreSQL) and a port of its own. Being a separate process is what lets a benchmark read the platform's memory
 * and CPU apart from its own load generator's, which shares the machine. Every benchmark starts it through here, so
 * they share one way to start it, wait for it and stop it.
 */
public final class PlatformProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * How to start the platform. {@code home} becomes SWITCHBOARD_HOME and {@code log} receives its standard output
     * and error; port 0 means any free port. Options each benchmark chooses for itself (JVM options, environment,
     * start-up cache, how long start-up may take) are set with the {@code with} methods.
     */
    public record Launch(Path jar, Path home, Path log, int port, List<String> jvmOptions,
                         Map<String, String> environment, boolean startupCache, Duration healthTimeout) {

        public static Launch of(Path jar, Path home, Path log) {
            return new Launch(jar, home, log, 0, List.of(), Map.of(), false, Duration.ofMinutes(3));
        }

        /** A port chosen in advance, for a benchmark whose fakes must know the platform's address before it starts. */
        public Launch withPort(int port) {
            return new Launch(jar, home, log, port, jvmOptions, environment, startupCache, healthTimeout);
        }

        public Launch withJvmOptions(List<String> options) {
            return new Launch(jar, home, log, port, List.copyOf(options), environment, startupCache, healthTimeout);
        }

        public Launch withEnvironment(Map<String, String> variables) {
            return new Launch(jar, home, log, port, jvmOptions, Map.copyOf(variables), startupCache, healthTimeout);
        }

        /**
         * Uses the JDK AOT cache {@code ./switchboard} records next to the jar, when it is newer than the jar, as
         * {@code ./switchboard run} does. Opt-in because it changes the platform's start-up cost and resident memory:
         * a benchmark that has always measured without it keeps its figures comparable with earlier runs.
         */
        public Launch withStartupCache() {
            return new Launch(jar, home, log, port, jvmOptions, environment, true, healthTimeout);
        }

        public Launch withHealthTimeout(Duration timeout) {
            return new Launch(jar, home, log, port, jvmOptions, environment, startupCache, timeout);
        }
    }

    private final Process process;
    private final URI baseUrl;
    private final Launch launch;

    private PlatformProcess(Process process, URI baseUrl, Launch launch) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.launch = launch;
    }

    /** Starts the platform and waits until it reports itself healthy; stops it again if it never does. */
    public static PlatformProcess start(Launch launch) throws IOException, InterruptedException {
        int port = launch.port() != 0 ? launch.port() : freePort();
        ProcessBuilder builder = new ProcessBuilder(command(launch)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(launch.log().toFile()));
        builder.environment().putAll(launch.environment());
        builder.environment().put("SWITCHBOARD_HOME", launch.home().toString());
        builder.environment().put("PORT", String.valueOf(port));
        PlatformProcess platform = new PlatformProcess(builder.start(), URI.create("http://127.0.0.1:" + port), launch);
        // Ctrl-C on the benchmark must not leave the platform (and its PostgreSQL) running.
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(platform::close));
        try {
            platform.awaitHealthy(launch.healthTimeout());
        } catch (RuntimeException | InterruptedException e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    /** A port nobody listens on right now (another process could still take it before the platform does). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return launch.log();
    }

    /**
     * The embedded PostgreSQL's postmaster.pid: its first line is the postmaster's pid, its fourth the port. It only
     * appears once the platform has started the database, so readers open it when they need it.
     */
    public Path postmasterPidFile() {
        return launch.home().resolve("postgres/postmaster.pid");
    }

    /**
     * Has the embedded PostgreSQL gather statistics now, as autovacuum would within its first minute. The benchmark
     * calls it after its warm-up: the tables were empty when the platform's first statements were planned, and the
     * plans PostgreSQL keeps per connection until the statistics change were made for empty tables (a lookup by id
     * then scanned every row of the tenant). What is measured is then the steady state, as on a database in use.
     */
    public void analyzeDatabase() {
        try {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(postmasterPidFile());
            String url = "jdbc:postgresql://127.0.0.1:" + lines.get(3).strip() + "/postgres";
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "postgres", "postgres")) {
                connection.createStatement().execute("analyze");
            }
        } catch (IOException | java.sql.SQLException | RuntimeException e) {
            System.err.println("[bench] could not analyze the database: " + e.getMessage());
        }
    }

    /** The platform runs on the JDK the benchmark runs on (the JDK 25 {@code ./switchboard} found). */
    private static List<String> command(Launch launch) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        Path cache = launch.jar().resolveSibling("switchboard.aot");
        if (launch.startupCache() && Files.exists(cache)
                && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(launch.jar())) > 0) {
            command.add("-XX:AOTCache=" + cache);
        }
        command.addAll(launch.jvmOptions());
        command.addAll(List.of("-jar", launch.jar().toString()));
        return command;
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest health = HttpRequest.newBuilder(baseUrl.resolve("/actuator/health")).timeout(Duration.ofSeconds(10))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform exited with " + process.exitValue() + "; see " + log());
            }
            try {
                String body = http.send(health, HttpResponse.BodyHandlers.ofString()).body();
                if (JSON.readTree(body).path("status").asString("").equals("UP")) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                // not listening yet, or not answering with JSON yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the platform did not become healthy in " + timeout.toSeconds() + " s; see "
                + log());
    }

    /**
     * SIGTERM first, so the platform stops its embedded PostgreSQL itself; if it has not exited after a minute, it
     * and whatever it started are killed. Safe to call twice (the shutdown hook calls it again).
     */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
