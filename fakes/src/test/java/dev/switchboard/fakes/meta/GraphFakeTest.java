package dev.switchboard.fakes.meta;

import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.http.WireClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.stream.IntStream;

import static dev.switchboard.fakes.meta.GraphClient.TO;
import static dev.switchboard.fakes.meta.GraphClient.text;
import static org.assertj.core.api.Assertions.assertThat;

class GraphFakeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void acceptedMessageIsRecordedForAssertions() {
        try (var graph = GraphFake.start()) {
            new GraphClient(graph).send(text(TO, "Your table is booked"));

            var sent = graph.sentMessages().getFirst();
            assertThat(sent.to()).isEqualTo(TO);
            assertThat(sent.type()).isEqualTo("text");
            assertThat(sent.phoneNumberId()).isEqualTo("106540352242922");
            assertThat(sent.body().at("/text/body").stringValue()).isEqualTo("Your table is booked");
        }
    }

    @Test
    void badTokenIs401Code190AndMissingTokenIsRefused() {
        try (var graph = GraphFake.start()) {
            var bad = new GraphClient(graph, "expired").send(text(TO, "x"));
            var missing = WireClient.post(new GraphClient(graph).uri("/v23.0/1/messages"), text(TO, "x"));

            assertThat(bad.statusCode()).isEqualTo(401);
            assertThat(error(bad.body()).path("code").asInt()).isEqualTo(190);
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(error(missing.body()).path("code").asInt()).isEqualTo(104);
            assertThat(graph.sentMessages()).isEmpty();
        }
    }

    @Test
    void exhaustedPerNumberBucketAnswers130429() {
        try (var graph = GraphFake.start(GraphOptions.defaults().withThroughput(2))) {
            var client = new GraphClient(graph);

            var statuses = IntStream.range(0, 20).mapToObj(i -> client.send(text(TO, "m" + i))).toList();

            assertThat(statuses.subList(0, 2)).allMatch(r -> r.statusCode() == 200);
            var throttled = statuses.stream().filter(r -> r.statusCode() == 429).toList();
            assertThat(throttled).isNotEmpty();
            assertThat(error(throttled.getFirst().body()).path("code").asInt()).isEqualTo(130429);
        }
    }

    @Test
    void freeFormMessageOutsideTheWindowIsRefusedWith131047ButTemplatesPass() {
        try (var graph = GraphFake.start(GraphOptions.defaults().withWindowRule(WindowRule.REJECT))) {
            var client = new GraphClient(graph);
            graph.recordInbound("34600000001", Instant.now().minus(Duration.ofHours(25)));

            var stale = client.send(text("34600000001", "hi"));
            var template = client.send("{\"messaging_product\":\"whatsapp\",\"to\":\"34600000001\",\"type\":"
                    + "\"template\",\"template\":{\"name\":\"hello_world\",\"language\":{\"code\":\"en_US\"}}}");
            graph.recordInbound("34600000001", Instant.now());
            var fresh = client.send(text("34600000001", "hi"));

            assertThat(error(stale.body()).path("code").asInt()).isEqualTo(131047);
            assertThat(Json.parse(template.body()).at("/messages/0/message_status").stringValue())
                    .isEqualTo("accepted");
            assertThat(fresh.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void windowFailureByStatusAcceptsThenReportsFailed131047() {
        try (var graph = GraphFake.start(GraphOptions.defaults().withWindowRule(WindowRule.FAIL_BY_STATUS))) {
            var response = new GraphClient(graph).send(text(TO, "hi"));

            assertThat(response.statusCode()).isEqualTo(200);
            var status = graph.awaitEmittedStatuses(1, WAIT).getFirst();
            assertThat(status.path("status").stringValue()).isEqualTo("failed");
            assertThat(status.at("/errors/0/code").asInt()).isEqualTo(131047);
            assertThat(graph.sentMessages().getFirst().failure().code()).isEqualTo(131047);
        }
    }

    @Test
    void undeliverableRecipientIsRefusedWith131026() {
        try (var graph = GraphFake.start()) {
            graph.markUndeliverable("34600999999");

            var response = new GraphClient(graph).send(text("+34 600 999 999", "hi"));

            assertThat(error(response.body()).path("code").asInt()).isEqualTo(131026);
        }
    }

    @Test
    void markAsReadAnswersSuccess() {
        try (var graph = GraphFake.start()) {
            var response = new GraphClient(graph).send("{\"messaging_product\":\"whatsapp\",\"status\":\"read\","
                    + "\"message_id\":\"wamid.HBgLabc\"}");

            assertThat(Json.parse(response.body()).path("success").asBoolean()).isTrue();
        }
    }

    @Test
    void templatesArePagedWithCursorsUntilNoNextLink() {
        try (var graph = GraphFake.start()) {
            var client = new GraphClient(graph);
            var names = new ArrayList<String>();
            var page = Json.parse(client.get("/v23.0/102290129340398/message_templates?limit=2&fields=name,status")
                    .body());
            names.addAll(page.path("data").valueStream().map(t -> t.path("name").stringValue()).toList());
            assertThat(page.path("data").get(0).has("components")).isFalse();
            assertThat(page.path("data").get(0).has("id")).isTrue();
            while (page.at("/paging/next").isString()) {
                var next = URI.create(page.at("/paging/next").stringValue());
                page = Json.parse(client.get(next.getRawPath() + "?" + next.getRawQuery()).body());
                names.addAll(page.path("data").valueStream().map(t -> t.path("name").stringValue()).toList());
            }

            assertThat(names).containsExactly("hello_world", "booking_reminder", "booking_reminder", "order_update",
                    "spring_offer");
        }
    }

    @Test
    void uploadedMediaIsDownloadedThroughItsShortLivedUrlOnlyWithTheToken() {
        try (var graph = GraphFake.start()) {
            var client = new GraphClient(graph);
            var bytes = "%PDF-1.4 fake".getBytes(StandardCharsets.UTF_8);

            var id = Json.parse(upload(graph, bytes).body()).path("id").stringValue();
            var meta = Json.parse(client.get("/v23.0/" + id).body());
            var url = URI.create(meta.path("url").stringValue());
            var anonymous = WireClient.getBytes(url);
            var authorised = WireClient.getBytes(url, "Authorization", "Bearer test-meta-token");

            assertThat(meta.path("mime_type").stringValue()).isEqualTo("application/pdf");
            assertThat(meta.path("file_size").asInt()).isEqualTo(bytes.length);
            assertThat(meta.path("sha256").stringValue()).isEqualTo(MediaStore.sha256(bytes));
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(authorised.statusCode()).isEqualTo(200);
            assertThat(authorised.body()).isEqualTo(bytes);
        }
    }

    @Test
    void acceptedMessagesAreFollowedBySignedSentAndDeliveredCallbacks() {
        try (var receiver = new CapturingReceiver();
             var graph = GraphFake.start(GraphOptions.defaults().withStatusCallback(receiver.url(), "s3cret"))) {
            var wamid = Json.parse(new GraphClient(graph).send(text(TO, "hi")).body()).at("/messages/0/id")
                    .stringValue();

            var received = receiver.received().await(2, WAIT);

            assertThat(received).extracting(r -> r.json().at("/entry/0/changes/0/value/statuses/0/status")
                    .stringValue()).containsExactly("sent", "delivered");
            assertThat(received.getFirst().json().at("/entry/0/changes/0/value/statuses/0/id").stringValue())
                    .isEqualTo(wamid);
            assertThat(received.getFirst().header("x-hub-signature-256"))
                    .isEqualTo(new WebhookSignature("s3cret").header(received.getFirst().body()));
        }
    }

    @Test
    void statusesEchoTheCallbackDataTheSendCarried() {
        try (var graph = GraphFake.start()) {
            var body = text(TO, "hi").replace("\"type\":\"text\"",
                    "\"biz_opaque_callback_data\":\"msg:42\",\"type\":\"text\"");
            var wamid = Json.parse(new GraphClient(graph).send(body).body()).at("/messages/0/id").stringValue();
            graph.emitStatus(wamid, "read");

            var statuses = graph.awaitEmittedStatuses(3, WAIT);

            assertThat(statuses).extracting(s -> s.path("biz_opaque_callback_data").stringValue())
                    .containsOnly("msg:42");
        }
    }

    @Test
    void throughputCanBeLoweredWhileRunning() {
        try (var graph = GraphFake.start()) {
            var client = new GraphClient(graph);
            graph.throughput(1);

            var statuses = IntStream.range(0, 5).mapToObj(i -> client.send(text(TO, "m" + i)).statusCode()).toList();

            assertThat(statuses.getFirst()).isEqualTo(200);
            assertThat(statuses).contains(429);
        }
    }

    private static java.net.http.HttpResponse<String> upload(GraphFake graph, byte[] bytes) {
        var boundary = "----fakeboundary";
        var body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"messaging_product\"\r\n\r\nwhatsapp\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\napplication/pdf\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bill.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n" + new String(bytes, StandardCharsets.ISO_8859_1) + "\r\n"
                + "--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return WireClient.send(HttpRequest.newBuilder(URI.create(graph.baseUrl() + "/v23.0/106540352242922/media"))
                .header("Authorization", "Bearer test-meta-token")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static JsonNode error(String body) {
        return Json.parse(body).path("error");
    }
}
