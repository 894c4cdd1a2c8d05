package dev.switchboard.bench.webchat;

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

/** A platform started by the benchmark as a child process, and what the kernel says about its memory and CPU. */
final class PlatformProcess implements AutoCloseable {

    private final Process process;
    private final URI baseUrl;

    private PlatformProcess(Process process, URI baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts the platform jar with {@code environment} on a free port and waits until it is healthy. */
    static PlatformProcess start(Path jar, List<String> jvmOptions, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED"));
        Path cache = jar.resolveSibling("switchboard.aot");
        if (Files.exists(cache) && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0) {
            command.add("-XX:AOTCache=" + cache);
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        PlatformProcess platform = new PlatformProcess(builder.start(), URI.create("http://127.0.0.1:" + port));
        platform.awaitHealthy(Duration.ofMinutes(3), log);
        return platform;
    }

    URI baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    private void awaitHealthy(Duration timeout, Path log) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform exited; see " + log);
            }
            try {
                var response = http.send(HttpRequest.newBuilder(baseUrl.resolve("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the platform did not become healthy; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
