package dev.switchboard.agent.llm;

import java.util.List;

/**
 * What the agent asks a model: the system prompt, the conversation so far, the tools it may call.
 *
 * @param temperature  null leaves the provider's default (some API versions and models refuse the field)
 * @param toolsAllowed false asks for an answer in words: the tools stay declared (providers refuse a conversation
 *                     with tool calls in it and no tools), with the tool choice {@code none}
 */
public record ModelRequest(String systemPrompt, List<ModelMessage> messages, List<ToolSpec> tools,
                           Double temperature, int maxTokens, boolean toolsAllowed) {

    public ModelRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }
}
