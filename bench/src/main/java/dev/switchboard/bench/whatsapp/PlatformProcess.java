package dev.switchboard.bench.whatsapp;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform under test, started from its jar as a child process, exactly as {@code ./switchboard run} starts it,
 * with its own SWITCHBOARD_HOME (so a durable embedded PostgreSQL) and port. Talks to it over its public API only.
 */
final class PlatformProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final URI baseUrl;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private PlatformProcess(Process process, URI baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static PlatformProcess start(Path jar, int port, Map<String, String> environment, List<String> jvmOptions, Path log)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        PlatformProcess platform = new PlatformProcess(builder.start(), URI.create("http://127.0.0.1:" + port), log);
        // Ctrl-C on the benchmark must not leave the platform (and its PostgreSQL) running.
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(platform::close));
        return platform;
    }

    URI baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (get("/actuator/health", null).path("status").asString("").equals("UP")) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the platform did not become healthy in " + timeout + "; see " + log);
    }

    String login(String email, String password) throws IOException, InterruptedException {
        JsonNode answer = send("POST", "/api/v1/auth/login", null, JSON.createObjectNode().put("email", email)
                .put("password", password).toString(), 200);
        return answer.path("accessToken").asString();
    }

    void putSecret(String token, String tenant, String name, String value) throws IOException, InterruptedException {
        send("PUT", "/api/v1/tenants/" + tenant + "/secrets/" + name, token,
                JSON.createObjectNode().put("value", value).toString(), 204);
    }

    /** Waits until the platform reports the component live (e.g. {@code WhatsApp (acme)}). */
    void awaitLive(String token, String component, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode mode : get("/api/v1/system/status", token)) {
                if (mode.path("component").asString("").equals(component) && mode.path("live").asBoolean()) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(component + " did not become live; see " + log);
    }

    private JsonNode get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, null, 200);
    }

    private JsonNode send(String method, String path, String token, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** SIGTERM first, so the platform stops its embedded PostgreSQL itself. */
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
