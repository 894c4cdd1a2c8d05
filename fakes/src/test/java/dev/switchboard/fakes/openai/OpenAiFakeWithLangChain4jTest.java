package dev.switchboard.fakes.openai;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.llm.CollectingHandler;
import dev.switchboard.fakes.llm.Turn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class OpenAiFakeWithLangChain4jTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ARGS = "{\"time\":\"20:00\",\"party_size\":2}";

    private final OpenAiFake fake = OpenAiFake.start(OpenAiOptions.defaults().withApiKey("ollama"));

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void streamedToolCallArrivesAsOneToolExecutionRequestWithFullArguments() throws Exception {
        fake.enqueue(Turn.toolCall("create_booking", ARGS));
        var handler = new CollectingHandler();

        streamingModel().chat(ChatRequest.builder().messages(UserMessage.from("Table for two at 8"))
                .toolSpecifications(bookingTool()).build(), handler);

        var response = handler.response(WAIT);
        assertThat(response.aiMessage().toolExecutionRequests()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("create_booking");
            assertThat(call.id()).startsWith("call_");
            assertThat(Json.parse(call.arguments())).isEqualTo(Json.parse(ARGS));
        });
        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        assertThat(fake.lastRequest().toolNames()).containsExactly("create_booking");
        assertThat(fake.lastRequest().bearerToken()).isEqualTo("ollama");
    }

    @Test
    void streamedTextArrivesInPiecesWithUsage() throws Exception {
        fake.enqueue(Turn.text("Your table is booked for eight."));
        var handler = new CollectingHandler();

        streamingModel().chat("Book it", handler);

        var response = handler.response(WAIT);
        assertThat(handler.partials()).hasSizeGreaterThan(2);
        assertThat(response.aiMessage().text()).isEqualTo("Your table is booked for eight.");
        assertThat(response.tokenUsage().totalTokenCount()).isPositive();
    }

    @Test
    void toolResultGoesBackAsAToolMessageWithTheCallId() {
        fake.enqueue(Turn.toolCall("create_booking", ARGS)).enqueue(Turn.text("Booked."));
        var model = OpenAiChatModel.builder().baseUrl(fake.baseUrl() + "/v1").apiKey("ollama").modelName("llama3.2")
                .maxRetries(0).timeout(WAIT).build();
        var user = UserMessage.from("Table for two at 8");

        var first = model.chat(ChatRequest.builder().messages(user).toolSpecifications(bookingTool()).build());
        var call = first.aiMessage().toolExecutionRequests().getFirst();
        model.chat(ChatRequest.builder().messages(user, first.aiMessage(),
                ToolExecutionResultMessage.from(call, "{\"booking_id\":\"B-1\"}")).toolSpecifications(bookingTool())
                .build());

        var toolMessage = fake.lastRequest().toolMessages().getFirst();
        assertThat(Json.text(toolMessage, "tool_call_id")).isEqualTo(call.id());
        assertThat(Json.text(toolMessage, "content")).contains("B-1");
    }

    private OpenAiStreamingChatModel streamingModel() {
        return OpenAiStreamingChatModel.builder().baseUrl(fake.baseUrl() + "/v1").apiKey("ollama")
                .modelName("llama3.2").timeout(WAIT).build();
    }

    private static ToolSpecification bookingTool() {
        return ToolSpecification.builder().name("create_booking").description("Create a reservation")
                .parameters(JsonObjectSchema.builder().addStringProperty("time").addIntegerProperty("party_size")
                        .required("time", "party_size").build())
                .build();
    }
}
