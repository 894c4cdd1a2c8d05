package dev.switchboard.voice.config;

import java.util.Map;
import java.util.Optional;

/**
 * A tenant's voice channel as it applies now: whether calls are on, its Twilio account, where handoffs go, the
 * outbound concurrency limit and its voice agents (directory defaults overlaid by dashboard overrides).
 */
public record VoiceSettings(boolean enabled, String accountSid, String twilioBaseUrl, String humanNumber,
                            int maxConcurrentOutbound, String defaultAgent, Map<String, VoiceAgent> agents) {

    /** The agent answering {@code number}, else the default agent. */
    public Optional<VoiceAgent> agentFor(String number) {
        return agents.values().stream().filter(a -> a.answers(number)).findFirst().or(this::defaultVoiceAgent);
    }

    public Optional<VoiceAgent> agent(String name) {
        return name == null ? defaultVoiceAgent() : Optional.ofNullable(agents.get(name));
    }

    public Optional<VoiceAgent> defaultVoiceAgent() {
        return Optional.ofNullable(agents.get(defaultAgent)).or(() -> agents.values().stream().findFirst());
    }
}
