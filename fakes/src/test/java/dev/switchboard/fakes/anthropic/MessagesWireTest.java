package dev.switchboard.fakes.anthropic;

import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.llm.Failure;
import dev.switchboard.fakes.llm.Turn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static dev.switchboard.fakes.http.WireClient.linesStartingWith;
import static dev.switchboard.fakes.http.WireClient.post;
import static dev.switchboard.fakes.http.WireClient.stream;
import static org.assertj.core.api.Assertions.assertThat;

class MessagesWireTest {

    private static final String[] HEADERS = {"x-api-key", "k", "anthropic-version", "2023-06-01"};
    private static final String HELLO = """
            {"model":"claude-haiku-4-5","max_tokens":64,"stream":%s,"messages":[{"role":"user","content":"hi"}]}""";

    private final AnthropicFake fake = AnthropicFake.start();

    @AfterEach
    void stop() {
        fake.close();
    }

    private URI messages() {
        return URI.create(fake.baseUrl() + "/v1/messages");
    }

    @Test
    void streamFollowsTheRealEventSequenceWithToolJsonSplitAcrossDeltas() {
        fake.enqueue(Turn.text("Booking now").andToolCall("create_booking", "{\"time\":\"20:00\",\"party_size\":2}"));

        var body = post(messages(), HELLO.formatted(true), HEADERS).body();

        assertThat(linesStartingWith(body, "event: ")).containsExactly("message_start", "content_block_start", "ping",
                "content_block_delta", "content_block_delta", "content_block_stop", "content_block_start",
                "content_block_delta", "content_block_delta", "content_block_delta", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop");
        var data = linesStartingWith(body, "data: ").stream().map(Json::parse).toList();
        var fragments = data.stream().filter(d -> d.path("delta").path("type").asString("").equals("input_json_delta"))
                .map(d -> d.path("delta").path("partial_json").stringValue()).toList();
        assertThat(fragments.getFirst()).isEmpty();
        assertThat(String.join("", fragments)).isEqualTo("{\"time\":\"20:00\",\"party_size\":2}");
        var messageDelta = data.get(12);
        assertThat(messageDelta.at("/delta/stop_reason").stringValue()).isEqualTo("tool_use");
        assertThat(messageDelta.at("/usage/output_tokens").asInt()).isPositive();
        assertThat(data.getFirst().at("/message/usage/cache_read_input_tokens").isNumber()).isTrue();
    }

    @Test
    void nonStreamingAnswerIsOneMessageWithToolUseInput() {
        fake.enqueue(Turn.toolCall("lookup", "{\"q\":\"x\"}"));

        var response = post(messages(), HELLO.formatted(false), HEADERS);

        var json = Json.parse(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("request-id")).isPresent();
        assertThat(json.at("/content/0/type").stringValue()).isEqualTo("tool_use");
        assertThat(json.at("/content/0/input/q").stringValue()).isEqualTo("x");
        assertThat(json.at("/stop_reason").stringValue()).isEqualTo("tool_use");
    }

    @Test
    void missingApiKeyIsA401AuthenticationErrorInTheRealShape() {
        var response = post(messages(), HELLO.formatted(false), "anthropic-version", "2023-06-01");

        var json = Json.parse(response.body());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json.at("/type").stringValue()).isEqualTo("error");
        assertThat(json.at("/error/type").stringValue()).isEqualTo("authentication_error");
        assertThat(json.at("/request_id").stringValue()).startsWith("req_");
    }

    @Test
    void missingVersionHeaderAndMissingFieldsAre400InvalidRequest() {
        var noVersion = post(messages(), HELLO.formatted(false), "x-api-key", "k");
        var noMaxTokens = post(messages(), "{\"model\":\"m\",\"messages\":[]}", HEADERS);

        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(noVersion.body()).contains("invalid_request_error", "anthropic-version");
        assertThat(noMaxTokens.statusCode()).isEqualTo(400);
        assertThat(noMaxTokens.body()).contains("max_tokens: Field required");
    }

    @Test
    void toolUseWithoutToolResultInTheNextMessageIsRejected() {
        var body = """
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"hi"},
                 {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"t","input":{}}]},
                 {"role":"user","content":"and?"}]}""";

        var response = post(messages(), body, HEADERS);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("toolu_1", "without `tool_result`");
    }

    @Test
    void version20261021RejectsTemperature() {
        var body = "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":10,\"temperature\":0.3,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        var accepted = post(messages(), body, HEADERS);
        var rejected = post(messages(), body, "x-api-key", "k", "anthropic-version", "2026-10-21");

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.body()).contains("temperature");
    }

    @Test
    void toolChoiceNamingAnUndefinedToolIsRejected() {
        var body = "{\"model\":\"m\",\"max_tokens\":10,\"tool_choice\":{\"type\":\"tool\",\"name\":\"ghost\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        var response = post(messages(), body, HEADERS);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("ghost");
    }

    @Test
    void countTokensNeedsNoMaxTokensAndIsNotRecordedAsAMessage() {
        var response = post(URI.create(fake.baseUrl() + "/v1/messages/count_tokens"),
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}", HEADERS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.parse(response.body()).path("input_tokens").asInt()).isPositive();
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void overloadedAnswerCarries529AndShouldRetryHeader() {
        fake.enqueue(Turn.failing(Failure.overloaded().withShouldRetry(false)));

        var response = post(messages(), HELLO.formatted(false), HEADERS);

        assertThat(response.statusCode()).isEqualTo(529);
        assertThat(response.headers().firstValue("x-should-retry")).hasValue("false");
        assertThat(response.body()).contains("overloaded_error");
    }

    @Test
    void stalledStreamSendsMessageStartThenNothingUntilTheFakeCloses() throws Exception {
        fake.enqueue(Turn.text("never sent").stalling());
        var response = stream(messages(), HELLO.formatted(true), HEADERS);
        var received = new CopyOnWriteArrayList<String>();
        var reading = CompletableFuture.runAsync(() -> response.body().forEach(received::add));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!received.contains("event: message_start") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(200);
        assertThat(reading).isNotDone();
        assertThat(received).contains("event: message_start").doesNotContain("event: content_block_start");
        fake.close();

        // Closing the fake ends the stream (cleanly or cut, depending on the race with the socket close), never
        // with the end of a message.
        reading.handle((done, failure) -> null).get(5, TimeUnit.SECONDS);
        assertThat(received).doesNotContain("event: message_stop");
    }

    @Test
    void scriptedFirstTokenDelayHoldsBackTheFirstDelta() {
        fake.enqueue(Turn.text("slow").withFirstTokenDelay(Duration.ofMillis(200)));
        long start = System.nanoTime();

        post(messages(), HELLO.formatted(true), HEADERS);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
}
