package dev.switchboard.fakes.openai;

import dev.switchboard.fakes.llm.DefaultResponder;

import java.util.EnumSet;
import java.util.Set;

/**
 * How an {@link OpenAiFake} starts: port (0 = free), the bearer key it demands (null = none, like a local Ollama),
 * the default responder, and the server quirks to imitate.
 */
public record OpenAiOptions(int port, String apiKey, DefaultResponder responder, Set<Quirk> quirks) {

    public OpenAiOptions {
        quirks = quirks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(quirks));
    }

    public static OpenAiOptions defaults() {
        return new OpenAiOptions(0, null, DefaultResponder.instant(), Set.of());
    }

    public OpenAiOptions withPort(int value) {
        return new OpenAiOptions(value, apiKey, responder, quirks);
    }

    public OpenAiOptions withApiKey(String value) {
        return new OpenAiOptions(port, value, responder, quirks);
    }

    public OpenAiOptions withResponder(DefaultResponder value) {
        return new OpenAiOptions(port, apiKey, value, quirks);
    }

    public OpenAiOptions withQuirks(Quirk... values) {
        return new OpenAiOptions(port, apiKey, responder, Set.of(values));
    }
}
