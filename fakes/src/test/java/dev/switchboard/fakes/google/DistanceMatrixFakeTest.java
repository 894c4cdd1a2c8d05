package dev.switchboard.fakes.google;

import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.http.WireClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class DistanceMatrixFakeTest {

    private final DistanceMatrixFake fake = DistanceMatrixFake.start();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void answersTheRealShapeWithDistanceAndDurationPerElement() {
        var json = query("origins=Puerta del Sol&destinations=Atocha|Toledo, Spain&mode=driving&key=test-google-key");

        assertThat(json.path("status").stringValue()).isEqualTo("OK");
        assertThat(json.at("/origin_addresses/0").stringValue()).isEqualTo("Puerta del Sol, 28013 Madrid, Spain");
        assertThat(json.at("/destination_addresses/1").stringValue()).isEqualTo("Toledo, Spain");
        var toAtocha = json.at("/rows/0/elements/0");
        var toToledo = json.at("/rows/0/elements/1");
        assertThat(toAtocha.path("status").stringValue()).isEqualTo("OK");
        assertThat(toAtocha.at("/distance/value").asLong()).isBetween(1_000L, 3_000L);
        assertThat(toAtocha.at("/distance/text").stringValue()).endsWith(" km");
        assertThat(toToledo.at("/distance/value").asLong()).isBetween(80_000L, 120_000L);
        assertThat(toToledo.at("/duration/value").asLong()).isGreaterThan(toAtocha.at("/duration/value").asLong());
        assertThat(toToledo.at("/duration/text").stringValue()).matches("1 hour \\d+ mins?");
        assertThat(toToledo.has("duration_in_traffic")).isFalse();
    }

    @Test
    void sameQueryGivesTheSameNumbers() {
        var first = query("origins=Madrid&destinations=Barcelona&key=test-google-key");
        var second = query("origins=madrid&destinations=BARCELONA,%20Spain&key=test-google-key");

        assertThat(first.path("rows")).isEqualTo(second.path("rows"));
    }

    @Test
    void departureTimeAddsDurationInTrafficForDriving() {
        var departure = Instant.now().plusSeconds(3600).getEpochSecond();
        var json = query("origins=Madrid&destinations=Toledo&departure_time=" + departure + "&key=test-google-key");

        var element = json.at("/rows/0/elements/0");
        assertThat(element.at("/duration_in_traffic/value").asLong()).isPositive();
        assertThat(element.at("/duration_in_traffic/text").stringValue()).isNotBlank();
    }

    @Test
    void coordinatesResolveAndUnknownAddressesAreNotFound() {
        var json = query("origins=40.4532,-3.6884|Nowhere Street 99&destinations=Valencia&key=test-google-key");

        assertThat(json.at("/origin_addresses/0").stringValue()).isEqualTo("Estadio Santiago Bernabéu, Madrid, Spain");
        assertThat(json.at("/origin_addresses/1").stringValue()).isEmpty();
        assertThat(json.at("/rows/0/elements/0/status").stringValue()).isEqualTo("OK");
        assertThat(json.at("/rows/1/elements/0/status").stringValue()).isEqualTo("NOT_FOUND");
    }

    @Test
    void noRoadAcrossTheOceanIsZeroResults() {
        var json = query("origins=Madrid&destinations=New York&key=test-google-key");

        assertThat(json.at("/rows/0/elements/0/status").stringValue()).isEqualTo("ZERO_RESULTS");
    }

    @Test
    void spanishAndWalkingChangeTheTextsNotTheShape() {
        var json = query("origins=Sol, Madrid&destinations=Bernabeu&mode=walking&language=es&key=test-google-key");

        var element = json.at("/rows/0/elements/0");
        assertThat(element.at("/distance/text").stringValue()).matches("\\d+,\\d km");
        assertThat(element.at("/duration/text").stringValue()).matches("(1 h )?\\d+ min");
    }

    @Test
    void missingOrWrongKeyIsRequestDeniedWithHttp200() {
        var missing = WireClient.get(uri("origins=Madrid&destinations=Toledo"));
        var wrong = query("origins=Madrid&destinations=Toledo&key=nope");

        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(Json.parse(missing.body()).path("status").stringValue()).isEqualTo("REQUEST_DENIED");
        assertThat(wrong.path("status").stringValue()).isEqualTo("REQUEST_DENIED");
        assertThat(wrong.path("error_message").stringValue()).contains("invalid");
        assertThat(wrong.path("rows")).isEmpty();
    }

    @Test
    void tooManyElementsAndMissingParametersAreRequestLevelStatuses() {
        var eleven = IntStream.range(0, 11).mapToObj(i -> "Madrid").collect(Collectors.joining("|"));

        assertThat(query("origins=" + eleven + "&destinations=" + eleven + "&key=test-google-key").path("status")
                .stringValue()).isEqualTo("MAX_ELEMENTS_EXCEEDED");
        assertThat(query("origins=Madrid&key=test-google-key").path("status").stringValue())
                .isEqualTo("INVALID_REQUEST");
        assertThat(query("origins=Madrid&destinations=Toledo&mode=teleport&key=test-google-key").path("status")
                .stringValue()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void testsCanAddTheirOwnPlaces() {
        fake.gazetteer().add(Place.of("Casa Ana, Calle Mayor 1, Madrid, Spain", 40.4155, -3.7074, "Casa Ana"));

        var json = query("origins=Casa Ana&destinations=Atocha&key=test-google-key");

        assertThat(json.at("/rows/0/elements/0/status").stringValue()).isEqualTo("OK");
    }

    private JsonNode query(String query) {
        var response = WireClient.get(uri(query));
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private URI uri(String query) {
        var encoded = Arrays.stream(query.split("&")).map(p -> {
            int eq = p.indexOf('=');
            return p.substring(0, eq + 1) + URLEncoder.encode(p.substring(eq + 1), StandardCharsets.UTF_8)
                    .replace("%25", "%");
        }).collect(Collectors.joining("&"));
        return URI.create(fake.baseUrl() + DistanceMatrixEndpoint.PATH + "?" + encoded);
    }
}
