package dev.switchboard.voice.pipeline.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * How the LLM stage talks: an optional greeting spoken when the call starts, and an optional holding phrase spoken
 * when a tool has been running longer than {@code holdingDelay} ("One moment while I check that.").
 */
public record LlmSettings(Optional<String> greeting, Optional<String> holdingPhrase, Duration holdingDelay) {

    public static final LlmSettings DEFAULTS = new LlmSettings(Optional.empty(), Optional.empty(), Duration.ofMillis(1500));

    public LlmSettings withGreeting(String text) {
        return new LlmSettings(Optional.of(text), holdingPhrase, holdingDelay);
    }

    public LlmSettings withHoldingPhrase(String text, Duration delay) {
        return new LlmSettings(greeting, Optional.of(text), delay);
    }
}
