package dev.switchboard.fakes.anthropic;

import dev.switchboard.fakes.llm.DefaultResponder;

/**
 * How an {@link AnthropicFake} starts: its port (0 = free), the one API key it accepts (null = any non-empty key),
 * and the default responder used when nothing is scripted.
 */
public record AnthropicOptions(int port, String apiKey, DefaultResponder responder) {

    public static AnthropicOptions defaults() {
        return new AnthropicOptions(0, null, DefaultResponder.instant());
    }

    public AnthropicOptions withPort(int value) {
        return new AnthropicOptions(value, apiKey, responder);
    }

    public AnthropicOptions withApiKey(String value) {
        return new AnthropicOptions(port, value, responder);
    }

    public AnthropicOptions withResponder(DefaultResponder value) {
        return new AnthropicOptions(port, apiKey, value);
    }
}
