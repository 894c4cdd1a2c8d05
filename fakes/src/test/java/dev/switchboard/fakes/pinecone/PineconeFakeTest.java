package dev.switchboard.fakes.pinecone;

import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.http.WireClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class PineconeFakeTest {

    private static final String KEY = "test-pinecone-key";

    private final PineconeFake fake = PineconeFake.start();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void queryByEmbeddedTextFindsTheCanonicalSeedAddressWithMetadata() {
        var body = query(vector("c/ mayor 1, madrid"), 3, "\"namespace\":\"addresses\",\"includeMetadata\":true");

        var json = Json.parse(body.body());
        assertThat(body.statusCode()).isEqualTo(200);
        assertThat(json.at("/matches/0/id").stringValue()).isEqualTo("addr-madrid-mayor-1");
        assertThat(json.at("/matches/0/metadata/address").stringValue())
                .isEqualTo("Calle Mayor, 1, 28013 Madrid, Spain");
        assertThat(json.at("/matches/0/score").asDouble()).isGreaterThan(json.at("/matches/1/score").asDouble());
        assertThat(json.path("matches")).hasSize(3);
        assertThat(json.path("namespace").stringValue()).isEqualTo("addresses");
        assertThat(json.at("/usage/readUnits").asInt()).isPositive();
    }

    @Test
    void vectorsUpsertedThroughTheWireAreQueryableWithAMetadataFilter() {
        var upsert = post("/vectors/upsert", """
                {"namespace":"shops","vectors":[
                 {"id":"a","values":%s,"metadata":{"city":"Madrid","stars":4}},
                 {"id":"b","values":%s,"metadata":{"city":"Madrid","stars":2}},
                 {"id":"c","values":%s,"metadata":{"city":"Bilbao","stars":5}}]}"""
                .formatted(vector("shop a"), vector("shop b"), vector("shop c")));

        var json = Json.parse(query(vector("shop"), 10, "\"namespace\":\"shops\",\"includeMetadata\":true,"
                + "\"filter\":{\"city\":{\"$eq\":\"Madrid\"},\"stars\":{\"$gte\":3}}").body());

        assertThat(Json.parse(upsert.body()).path("upsertedCount").asInt()).isEqualTo(3);
        assertThat(json.path("matches")).singleElement().satisfies(m ->
                assertThat(m.path("id").stringValue()).isEqualTo("a"));
    }

    @Test
    void queryByIdUsesTheStoredVectorAndOmitsMetadataUnlessAsked() {
        var json = Json.parse(post("/query", "{\"id\":\"addr-bcn-rambla-91\",\"topK\":1,\"namespace\":\"addresses\"}")
                .body());

        var match = json.at("/matches/0");
        assertThat(match.path("id").stringValue()).isEqualTo("addr-bcn-rambla-91");
        assertThat(match.path("score").asDouble()).isCloseTo(1.0, offset(1e-6));
        assertThat(match.has("metadata")).isFalse();
        assertThat(match.path("values")).isEmpty();
    }

    @Test
    void missingOrWrongApiKeyIs401() {
        var missing = WireClient.post(uri("/query"), "{\"vector\":" + vector("x") + ",\"topK\":1}");
        var wrong = WireClient.post(uri("/query"), "{\"vector\":" + vector("x") + ",\"topK\":1}", "Api-Key", "nope");

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Json.parse(wrong.body()).path("code").asInt()).isEqualTo(16);
    }

    @Test
    void wrongDimensionMissingTopKAndBadFilterAre400InTheRealShape() {
        var dimension = post("/query", "{\"vector\":[0.1,0.2],\"topK\":1}");
        var noTopK = post("/query", "{\"vector\":" + vector("x") + "}");
        var badFilter = query(vector("x"), 1, "\"filter\":{\"city\":{\"$regex\":\"M.*\"}}");

        assertThat(dimension.statusCode()).isEqualTo(400);
        assertThat(Json.parse(dimension.body()).path("message").stringValue())
                .isEqualTo("Query vector dimension 2 does not match the dimension of the index 256");
        assertThat(Json.parse(dimension.body()).path("code").asInt()).isEqualTo(3);
        assertThat(noTopK.statusCode()).isEqualTo(400);
        assertThat(badFilter.statusCode()).isEqualTo(400);
    }

    @Test
    void describeIndexStatsCountsEveryNamespace() {
        JsonNode stats = Json.parse(post("/describe_index_stats", "{}").body());

        assertThat(stats.at("/namespaces/addresses/vectorCount").asInt()).isEqualTo(10);
        assertThat(stats.path("dimension").asInt()).isEqualTo(TrigramEmbedder.DIMENSION);
    }

    @Test
    void embedderIsDeterministicNormalisedAndIgnoresCaseAndAccents() {
        var a = TrigramEmbedder.embed("Calle de Alcalá 42");
        var b = TrigramEmbedder.embed("CALLE DE ALCALA, 42");
        double norm = 0;
        for (float v : a) {
            norm += v * v;
        }

        assertThat(a).containsExactly(b);
        assertThat(norm).isCloseTo(1.0, offset(1e-5));
        assertThat(a).hasSize(256);
    }

    private HttpResponse<String> query(String vector, int topK, String extra) {
        return post("/query", "{\"vector\":" + vector + ",\"topK\":" + topK + "," + extra + "}");
    }

    private HttpResponse<String> post(String path, String body) {
        return WireClient.post(uri(path), body, "Api-Key", KEY, "X-Pinecone-API-Version", "2025-04");
    }

    private URI uri(String path) {
        return URI.create(fake.baseUrl() + path);
    }

    private static String vector(String text) {
        var json = Json.array();
        for (float v : TrigramEmbedder.embed(text)) {
            json.add(v);
        }
        return json.toString();
    }
}
