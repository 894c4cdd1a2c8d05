package dev.switchboard.agent.llm;

import java.util.List;

/**
 * What the agent asks a model: the system prompt, the conversation so far, the tools it may call.
 *
 * @param temperature null leaves the provider's default (some API versions and models refuse the field)
 */
public record ModelRequest(String systemPrompt, List<ModelMessage> messages, List<ToolSpec> tools,
                           Double temperature, int maxTokens) {

    public ModelRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }

    public ModelRequest withoutTools() {
        return new ModelRequest(systemPrompt, messages, List.of(), temperature, maxTokens);
    }
}
