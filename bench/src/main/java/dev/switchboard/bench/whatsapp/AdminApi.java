package dev.switchboard.bench.whatsapp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's public API as a tenant admin, for what the benchmark sets up before it measures: storing the
 * tenant's WhatsApp secrets and waiting until the platform reports the channel live. An answer other than the
 * expected status stops the benchmark, since measuring a half-configured platform would mislead.
 */
final class AdminApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI baseUrl;
    private String token;

    private AdminApi(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    static AdminApi signIn(URI baseUrl, String email, String password) throws IOException, InterruptedException {
        AdminApi api = new AdminApi(baseUrl);
        JsonNode answer = api.send("POST", "/api/v1/auth/login",
                JSON.createObjectNode().put("email", email).put("password", password).toString(), 200);
        api.token = answer.path("accessToken").asString();
        return api;
    }

    void putSecret(String tenant, String name, String value) throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("value", value).toString();
        send("PUT", "/api/v1/tenants/" + tenant + "/secrets/" + name, body, 204);
    }

    /** Waits until the platform reports the component live (e.g. {@code WhatsApp (acme)}); its log says why not. */
    void awaitLive(String component, Duration timeout, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode mode : send("GET", "/api/v1/system/status", null, 200)) {
                if (mode.path("component").asString("").equals(component) && mode.path("live").asBoolean()) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(component + " did not become live; see " + log);
    }

    private JsonNode send(String method, String path, String body, int expected) throws IOException, InterruptedException {
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
}
