package dev.switchboard.fakes.openai;

import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.llm.Failure;
import dev.switchboard.fakes.llm.Turn;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static dev.switchboard.fakes.http.WireClient.linesStartingWith;
import static dev.switchboard.fakes.http.WireClient.post;
import static org.assertj.core.api.Assertions.assertThat;

class ChatCompletionsWireTest {

    private static final String STREAM = """
            {"model":"m","stream":true,"stream_options":{"include_usage":true},
             "messages":[{"role":"user","content":"hi"}]}""";

    @Test
    void streamedToolCallHasIdAndNameFirstThenArgumentFragmentsThenUsageAndDone() {
        try (var fake = OpenAiFake.start()) {
            fake.enqueue(Turn.toolCall("create_booking", "{\"time\":\"20:00\",\"party_size\":2}"));

            var data = linesStartingWith(post(completions(fake), STREAM).body(), "data: ");

            assertThat(data.getLast()).isEqualTo("[DONE]");
            var chunks = data.subList(0, data.size() - 1).stream().map(Json::parse).toList();
            var calls = chunks.stream().flatMap(c -> toolCalls(c).stream()).toList();
            assertThat(calls.getFirst().path("id").stringValue()).startsWith("call_");
            assertThat(calls.getFirst().at("/function/name").stringValue()).isEqualTo("create_booking");
            assertThat(calls).hasSizeGreaterThan(2).allSatisfy(c -> assertThat(c.path("index").asInt()).isZero());
            assertThat(calls.stream().map(c -> c.at("/function/arguments").stringValue()).reduce("", String::concat))
                    .isEqualTo("{\"time\":\"20:00\",\"party_size\":2}");
            assertThat(chunks.get(chunks.size() - 2).at("/choices/0/finish_reason").stringValue())
                    .isEqualTo("tool_calls");
            assertThat(chunks.getLast().path("choices").isEmpty()).isTrue();
            assertThat(chunks.getLast().at("/usage/total_tokens").asInt()).isPositive();
        }
    }

    @Test
    void quirkModesSendTheWholeCallInOneChunkWithoutIndexAndFinishStop() {
        var options = OpenAiOptions.defaults().withQuirks(Quirk.TOOL_CALL_IN_ONE_CHUNK, Quirk.TOOL_CALL_INDEX_MISSING,
                Quirk.FINISH_STOP_WITH_TOOL_CALLS, Quirk.USAGE_CHOICES_NULL);
        try (var fake = OpenAiFake.start(options)) {
            fake.enqueue(Turn.toolCall("lookup", "{\"q\":1}"));

            var data = linesStartingWith(post(completions(fake), STREAM).body(), "data: ");

            var chunks = data.subList(0, data.size() - 1).stream().map(Json::parse).toList();
            var calls = chunks.stream().flatMap(c -> toolCalls(c).stream()).toList();
            assertThat(calls).singleElement().satisfies(c -> {
                assertThat(c.has("index")).isFalse();
                assertThat(c.at("/function/arguments").stringValue()).isEqualTo("{\"q\":1}");
            });
            assertThat(chunks.get(chunks.size() - 2).at("/choices/0/finish_reason").stringValue()).isEqualTo("stop");
            assertThat(chunks.getLast().path("choices").isNull()).isTrue();
        }
    }

    @Test
    void rateLimitIs429WithRetryAfterAndOpenAiErrorShape() {
        try (var fake = OpenAiFake.start()) {
            fake.enqueue(Turn.failing(Failure.rateLimited(Duration.ofSeconds(2))));

            var response = post(completions(fake), STREAM);

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("retry-after")).hasValue("2");
            assertThat(Json.parse(response.body()).at("/error/code").stringValue()).isEqualTo("rate_limit_exceeded");
        }
    }

    @Test
    void serverErrorIs500AndUnansweredToolCallIs400() {
        try (var fake = OpenAiFake.start()) {
            fake.enqueue(Turn.failing(Failure.serverError()));
            var orphan = """
                    {"model":"m","messages":[{"role":"user","content":"hi"},
                     {"role":"assistant","tool_calls":[{"id":"call_1","type":"function",
                      "function":{"name":"t","arguments":"{}"}}]},{"role":"user","content":"?"}]}""";

            assertThat(post(completions(fake), STREAM).statusCode()).isEqualTo(500);
            var rejected = post(completions(fake), orphan);
            assertThat(rejected.statusCode()).isEqualTo(400);
            assertThat(rejected.body()).contains("call_1");
        }
    }

    @Test
    void wrongBearerKeyIs401() {
        try (var fake = OpenAiFake.start(OpenAiOptions.defaults().withApiKey("secret"))) {
            var response = post(completions(fake), STREAM, "Authorization", "Bearer wrong");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("invalid_api_key");
        }
    }

    private static URI completions(OpenAiFake fake) {
        return URI.create(fake.baseUrl() + "/v1/chat/completions");
    }

    private static List<JsonNode> toolCalls(JsonNode chunk) {
        var calls = chunk.at("/choices/0/delta/tool_calls");
        return calls.isArray() ? List.copyOf(calls.valueStream().toList()) : List.of();
    }
}
