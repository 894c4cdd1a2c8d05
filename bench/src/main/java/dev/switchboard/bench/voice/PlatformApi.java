package dev.switchboard.bench.voice;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a call back from the platform's API as the demo owner: its transcript and per-turn latencies. */
final class PlatformApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    private PlatformApi(String base, String token) {
        this.base = base;
        this.token = token;
    }

    static Optional<PlatformApi> signIn(String base, String email, String password) {
        try {
            String body = JSON.createObjectNode().put("email", email).put("password", password).toString();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(new PlatformApi(base, JSON.readTree(response.body()).path("accessToken").asString()));
        } catch (IOException | InterruptedException e) {
            return Optional.empty();
        }
    }

    /** The newest call with {@code number} on either end, in full. */
    Optional<JsonNode> lastCall(String tenant, String number) throws IOException, InterruptedException {
        JsonNode page = get("/api/v1/tenants/" + tenant + "/calls?limit=1&number=" + URLEncoder.encode(number, StandardCharsets.UTF_8));
        if (page == null || page.path("items").isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(get("/api/v1/tenants/" + tenant + "/calls/" + page.path("items").get(0).path("id").asString()));
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }
}
