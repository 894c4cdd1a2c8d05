package dev.switchboard.fakes.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AcmeBusinessApiTest {

    private static final String TOKEN = "test-token-123";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static AcmeBusinessApi api;

    @BeforeAll
    static void start() {
        api = AcmeBusinessApi.start(0, TOKEN, Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneId.of("Europe/Madrid")));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void refusesRequestsWithoutTheBearerToken() throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(api.baseUrl().resolve("/v1/customers/C-1001")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void validatesDocumentsWithTheirCheckLetter() throws Exception {
        assertThat(post("/v1/identity/validate", "{\"document\":\"12345678-z\"}").path("customer").path("id").asString())
                .isEqualTo("C-1001");
        assertThat(post("/v1/identity/validate", "{\"document\":\"12345678A\"}").path("reason").asString())
                .isEqualTo("invalid_format");
        assertThat(post("/v1/identity/validate", "{\"document\":\"11111111H\"}").path("reason").asString())
                .isEqualTo("not_found");
    }

    @Test
    void listsOnlyTheCustomersOwnUpcomingVisitsWithTextsInTheirLanguage() throws Exception {
        JsonNode visits = get("/v1/customers/C-1001/appointments?status=upcoming", "es").path("appointments");
        assertThat(visits).hasSize(1);
        assertThat(visits.get(0).path("id").asString()).isEqualTo("A-5001");
        assertThat(visits.get(0).path("dateText").asString()).isEqualTo("jueves 26 de noviembre");
        assertThat(visits.get(0).path("technician").path("badge").asString()).isEqualTo("ACM-4821");
        assertThat(get("/v1/customers/C-1002/appointments?status=upcoming", "en").path("appointments").get(0)
                .path("servicesText").asString()).isEqualTo("washing machine repair");
    }

    @Test
    void anotherCustomersVisitIsNotFoundThroughThisCustomersPath() throws Exception {
        var response = HTTP.send(request("/v1/customers/C-1001/appointments/A-5002", "es").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void cancelsAndReschedulesVisits() throws Exception {
        JsonNode moved = post("/v1/customers/C-1003/appointments/A-5003/reschedule", "{\"date\":\"2026-12-01\",\"window\":\"afternoon\"}");
        assertThat(moved.path("rescheduled").asBoolean()).isTrue();
        assertThat(moved.path("date").asString()).isEqualTo("2026-12-01");
        JsonNode cancelled = post("/v1/customers/C-1004/appointments/A-5004/cancel", "{\"reason\":\"no longer needed\"}");
        assertThat(cancelled.path("status").asString()).isEqualTo("cancelled");
        assertThat(get("/v1/customers/C-1004/appointments?status=upcoming", "en").path("appointments")).isEmpty();
    }

    @Test
    void estimatesTravelTimeFromCoordinatesToAKnownAddress() throws Exception {
        JsonNode eta = get("/v1/travel-time?origin=40.43,-3.70&destination=Calle%20de%20Alcal%C3%A1%20120%2C%20Madrid", "es");
        assertThat(eta.path("minutes").asInt()).isBetween(3, 30);
        assertThat(eta.path("destination").asString()).startsWith("Calle de Alcalá 120");
    }

    @Test
    void normalizesAMisspelledAddress() throws Exception {
        JsonNode matches = get("/v1/addresses/normalize?q=calle%20alcala%20120%20madrid", "es").path("matches");
        assertThat(matches.get(0).path("address").asString()).isEqualTo("Calle de Alcalá 120, 3ºB, 28009 Madrid");
    }

    private static HttpRequest.Builder request(String path, String lang) {
        return HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Authorization", "Bearer " + TOKEN).header("Accept-Language", lang);
    }

    private static JsonNode get(String path, String lang) throws Exception {
        var response = HTTP.send(request(path, lang).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode post(String path, String body) throws Exception {
        var response = HTTP.send(request(path, "es").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
