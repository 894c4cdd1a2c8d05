package dev.switchboard.fakes.anthropic;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.output.FinishReason;
import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.llm.CollectingHandler;
import dev.switchboard.fakes.llm.Failure;
import dev.switchboard.fakes.llm.Turn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnthropicFakeWithLangChain4jTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String MODEL = "claude-sonnet-4-5";
    private static final String BOOKING_ARGS = "{\"time\":\"20:00\",\"party_size\":2}";

    private final AnthropicFake fake = AnthropicFake.start(AnthropicOptions.defaults().withApiKey("sk-test"));

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void streamedTextArrivesAsSeveralPartialResponses() throws Exception {
        fake.enqueue(Turn.text("Your table for two is booked for eight tonight."));
        var handler = new CollectingHandler();

        streamingModel(MODEL).chat("Book a table for two at 8", handler);

        var response = handler.response(WAIT);
        assertThat(handler.partials()).hasSizeGreaterThan(3);
        assertThat(String.join("", handler.partials())).isEqualTo("Your table for two is booked for eight tonight.");
        assertThat(response.aiMessage().text()).isEqualTo("Your table for two is booked for eight tonight.");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.tokenUsage().inputTokenCount()).isPositive();
        assertThat(response.tokenUsage().outputTokenCount()).isPositive();
    }

    @Test
    void streamedToolCallSplitOverSeveralDeltasArrivesWithItsFullArguments() throws Exception {
        fake.enqueue(Turn.text("Let me book that.").andToolCall("create_booking", BOOKING_ARGS));
        var handler = new CollectingHandler();

        streamingModel(MODEL).chat(ChatRequest.builder().messages(UserMessage.from("Table for two at 8"))
                .toolSpecifications(bookingTool()).build(), handler);

        var response = handler.response(WAIT);
        assertThat(response.aiMessage().text()).isEqualTo("Let me book that.");
        assertThat(response.aiMessage().toolExecutionRequests()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("create_booking");
            assertThat(call.id()).startsWith("toolu_");
            assertThat(Json.parse(call.arguments())).isEqualTo(Json.parse(BOOKING_ARGS));
        });
        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    }

    @Test
    void secondRequestCarriesTheToolResultForTheToolCall() {
        fake.enqueue(Turn.toolCall("create_booking", BOOKING_ARGS)).enqueue(Turn.text("Booked: B-77."));
        var model = blockingModel(MODEL);
        var user = UserMessage.from("Table for two at 8");

        var first = model.chat(ChatRequest.builder().messages(user).toolSpecifications(bookingTool()).build());
        var call = first.aiMessage().toolExecutionRequests().getFirst();
        var result = ToolExecutionResultMessage.from(call, "{\"booking_id\":\"B-77\"}");
        var second = model.chat(ChatRequest.builder().messages(user, first.aiMessage(), result)
                .toolSpecifications(bookingTool()).build());

        assertThat(second.aiMessage().text()).isEqualTo("Booked: B-77.");
        var toolResult = fake.requests().get(1).toolResults().getFirst();
        assertThat(Json.text(toolResult, "tool_use_id")).isEqualTo(call.id());
        assertThat(toolResult.toString()).contains("B-77");
    }

    @Test
    void rateLimitWithRetryAfterReachesTheClientAsRateLimitException() {
        fake.enqueue(Turn.failing(Failure.rateLimited(Duration.ofSeconds(1))));

        assertThatThrownBy(() -> blockingModel(MODEL).chat("hi")).isInstanceOf(RateLimitException.class);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void overloadedPrimaryModelFailsWhileFallbackModelAnswers() {
        fake.always("claude-opus-4-1", Turn.failing(Failure.overloaded()));
        fake.enqueue("claude-haiku-4-5", Turn.text("Fallback here."));

        assertThatThrownBy(() -> blockingModel("claude-opus-4-1").chat("hi"))
                .isInstanceOf(InternalServerException.class).hasMessageContaining("overloaded_error");
        assertThat(blockingModel("claude-haiku-4-5").chat("hi")).isEqualTo("Fallback here.");
    }

    @Test
    void inspectionShowsTheToolsAndCachedSystemPromptTheClientSent() {
        var model = AnthropicChatModel.builder().baseUrl(fake.baseUrl() + "/v1/").apiKey("sk-test").modelName(MODEL)
                .cacheSystemMessages(true).cacheTools(true).maxRetries(0).build();

        model.chat(ChatRequest.builder().messages(SystemMessage.from("You are the booking agent of Casa Ana."),
                UserMessage.from("hola")).toolSpecifications(bookingTool()).build());

        var request = fake.lastRequest();
        assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.apiKey()).isEqualTo("sk-test");
        assertThat(request.systemText()).isEqualTo("You are the booking agent of Casa Ana.");
        assertThat(request.system().get(0).path("cache_control").path("type").stringValue()).isEqualTo("ephemeral");
        assertThat(request.toolNames()).containsExactly("create_booking");
        assertThat(request.tools().toString()).doesNotContain("tenant");
    }

    @Test
    void repeatedCachedPrefixIsReportedAsCacheReadInTheClientsUsage() {
        var model = AnthropicChatModel.builder().baseUrl(fake.baseUrl() + "/v1/").apiKey("sk-test").modelName(MODEL)
                .cacheSystemMessages(true).maxRetries(0).build();
        var request = ChatRequest.builder().messages(SystemMessage.from("You are the booking agent."),
                UserMessage.from("hola")).build();

        var first = (AnthropicTokenUsage) model.chat(request).tokenUsage();
        var second = (AnthropicTokenUsage) model.chat(request).tokenUsage();

        assertThat(first.cacheCreationInputTokens()).isPositive();
        assertThat(first.cacheReadInputTokens()).isZero();
        assertThat(second.cacheReadInputTokens()).isEqualTo(first.cacheCreationInputTokens());
    }

    @Test
    void errorEventAfterSomeDeltasFailsTheStreamAfterPartialText() throws Exception {
        fake.enqueue(Turn.text("one two three four five").failingMidStream(2, Failure.overloaded()));
        var handler = new CollectingHandler();

        streamingModel(MODEL).chat("count", handler);

        assertThat(handler.error(WAIT)).hasMessageContaining("Overloaded");
        assertThat(handler.partials()).containsExactly("one", " two");
    }

    @Test
    void defaultResponderAnswersFromTheLastUserMessageWhenNothingIsScripted() {
        assertThat(blockingModel(MODEL).chat("Where is my order?"))
                .isEqualTo("You said: Where is my order?. How can I help further?");
    }

    private AnthropicChatModel blockingModel(String name) {
        return AnthropicChatModel.builder().baseUrl(fake.baseUrl() + "/v1/").apiKey("sk-test").modelName(name)
                .maxRetries(0).timeout(WAIT).build();
    }

    private AnthropicStreamingChatModel streamingModel(String name) {
        return AnthropicStreamingChatModel.builder().baseUrl(fake.baseUrl() + "/v1/").apiKey("sk-test")
                .modelName(name).timeout(WAIT).build();
    }

    static ToolSpecification bookingTool() {
        return ToolSpecification.builder().name("create_booking").description("Create a reservation")
                .parameters(JsonObjectSchema.builder().addStringProperty("time").addIntegerProperty("party_size")
                        .required("time", "party_size").build())
                .build();
    }
}
