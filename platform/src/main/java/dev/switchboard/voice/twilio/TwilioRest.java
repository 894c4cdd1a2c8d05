package dev.switchboard.voice.twilio;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The part of Twilio's REST API calls need (2010-04-01 Calls): place a call, and redirect or end a live one.
 * Form-encoded requests with Basic auth, JSON answers; the base URL is configurable so tests use the fake.
 */
@Component
class TwilioRest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** The account's credentials and where its API lives. */
    record Account(String baseUrl, String accountSid, String authToken) {
    }

    JsonNode createCall(Account account, Map<String, List<String>> form) {
        return post(account, "/Calls.json", form);
    }

    /** Updates a live call (new TwiML, or {@code Status=completed}); false when the call had already ended. */
    boolean updateCall(Account account, String callSid, Map<String, List<String>> form) {
        try {
            post(account, "/Calls/" + callSid + ".json", form);
            return true;
        } catch (TwilioRefused e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    private JsonNode post(Account account, String path, Map<String, List<String>> form) {
        URI uri = URI.create(account.baseUrl().replaceAll("/+$", "") + "/2010-04-01/Accounts/" + account.accountSid() + path);
        String credentials = Base64.getEncoder().encodeToString((account.accountSid() + ":" + account.authToken())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
            if (response.statusCode() / 100 != 2) {
                throw new TwilioRefused(response.statusCode(), "Twilio " + response.statusCode() + " code "
                        + body.path("code").asString("?") + ": " + body.path("message").asString(""));
            }
            return body;
        } catch (IOException e) {
            throw new TwilioRefused(503, "Twilio unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TwilioRefused(503, "interrupted");
        }
    }

    static String encode(Map<String, List<String>> form) {
        return form.entrySet().stream().flatMap(e -> e.getValue().stream()
                        .map(v -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
    }
}
