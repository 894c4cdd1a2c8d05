package dev.switchboard.agent.llm.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.switchboard.agent.llm.ModelMessage;
import dev.switchboard.agent.llm.ModelRequest;
import dev.switchboard.agent.llm.ToolCallRequest;
import java.util.ArrayList;
import java.util.List;

/** The agent's request in LangChain4j's terms. */
final class ChatRequests {

    private ChatRequests() {
    }

    static ChatRequest of(ModelRequest request, String model) {
        List<ChatMessage> messages = new ArrayList<>();
        if (request.systemPrompt() != null && !request.systemPrompt().isBlank()) {
            messages.add(SystemMessage.from(request.systemPrompt()));
        }
        for (ModelMessage message : request.messages()) {
            switch (message) {
                case ModelMessage.User user -> messages.add(UserMessage.from(user.text()));
                case ModelMessage.Assistant assistant -> messages.add(assistant(assistant));
                case ModelMessage.ToolResults results -> results.results().forEach(r -> messages.add(
                        ToolExecutionResultMessage.builder().id(r.callId()).toolName(r.toolName()).text(r.content())
                                .isError(r.error() ? Boolean.TRUE : null).build()));
            }
        }
        var parameters = ChatRequestParameters.builder().modelName(model).maxOutputTokens(request.maxTokens())
                .temperature(request.temperature());
        if (!request.tools().isEmpty()) {
            parameters.toolSpecifications(request.tools().stream().map(t -> ToolSpecification.builder()
                    .name(t.name()).description(t.description()).parameters(JsonSchemas.object(t.parameters()))
                    .build()).toList());
        }
        return ChatRequest.builder().messages(messages).parameters(parameters.build()).build();
    }

    private static AiMessage assistant(ModelMessage.Assistant assistant) {
        if (assistant.toolCalls().isEmpty()) {
            return AiMessage.from(assistant.text());
        }
        List<ToolExecutionRequest> calls = assistant.toolCalls().stream().map(ChatRequests::request).toList();
        return assistant.text() == null || assistant.text().isBlank() ? AiMessage.from(calls)
                : AiMessage.from(assistant.text(), calls);
    }

    private static ToolExecutionRequest request(ToolCallRequest call) {
        return ToolExecutionRequest.builder().id(call.id()).name(call.name()).arguments(call.argumentsJson()).build();
    }

    static List<ToolCallRequest> toolCalls(AiMessage message) {
        if (!message.hasToolExecutionRequests()) {
            return List.of();
        }
        return message.toolExecutionRequests().stream()
                .map(r -> new ToolCallRequest(r.id(), r.name(), r.arguments() == null || r.arguments().isBlank() ? "{}" : r.arguments()))
                .toList();
    }
}
