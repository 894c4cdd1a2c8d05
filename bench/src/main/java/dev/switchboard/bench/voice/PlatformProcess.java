package dev.switchboard.bench.voice;

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

/**
 * The platform under test as its own process (the jar {@code ./switchboard} builds), on a free port with a
 * throw-away SWITCHBOARD_HOME, so its memory and CPU can be read apart from the load generator's.
 */
final class PlatformProcess implements AutoCloseable {

    static final String AUTH_TOKEN = "bench-twilio-auth-token";
    static final String DEMO_PASSWORD = "bench-demo-password";

    private final Process process;
    private final int port;
    private final Path home;

    private PlatformProcess(Process process, int port, Path home) {
        this.process = process;
        this.port = port;
        this.home = home;
    }

    static PlatformProcess start(Path jar, Map<String, String> environment, String heap) throws IOException, InterruptedException {
        int port = freePort();
        Path home = Files.createTempDirectory("switchboard-bench-");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx" + heap, "-XX:+UseZGC", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("platform.log").toFile());
        builder.environment().putAll(environment);
        builder.environment().putAll(Map.of("PORT", String.valueOf(port), "SWITCHBOARD_HOME", home.toString(),
                "SWITCHBOARD_DEMO_TWILIO_AUTH_TOKEN", AUTH_TOKEN, "SWITCHBOARD_DEMO_API_TOKEN", "bench",
                "SWITCHBOARD_DEMO_PASSWORD", DEMO_PASSWORD,
                "SWITCHBOARD_TENANTS_WATCH", "false", "DATABASE_POOL_SIZE", "40"));
        PlatformProcess platform = new PlatformProcess(builder.start(), port, home);
        platform.awaitHealthy(Duration.ofMinutes(4));
        return platform;
    }

    URI url() {
        return URI.create("http://localhost:" + port);
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return home.resolve("platform.log");
    }

    /** Peak resident memory so far (VmHWM), in megabytes. */
    long peakRssMb() throws IOException {
        return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                .filter(l -> l.startsWith("VmHWM:")).map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
    }

    /** CPU time used so far (user + system), in seconds. */
    double cpuSeconds() throws IOException {
        String[] stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat")).split("\\)\\s+")[1].split("\\s+");
        return (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / 100.0;
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform exited; see " + log());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(url().resolve("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.body().contains("UP")) {
                    Thread.sleep(3000); // the demo seeding (the Twilio token) runs once the application is ready
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the platform did not become healthy; see " + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
