package dev.switchboard.voice.call;

import dev.switchboard.voice.store.TurnLatency;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Prometheus view of the voice stages: {@code switchboard_voice_turn_latency_seconds{stage=...}} (from the caller
 * stopping to each stage; percentiles published) and the number of live calls. Tenants are not a tag, to keep the
 * series bounded; the per-tenant view comes from the stored turns.
 */
@Component
class VoiceMetrics {

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final AtomicInteger live = new AtomicInteger();

    VoiceMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("switchboard.voice.calls.live", live);
    }

    void callStarted() {
        live.incrementAndGet();
        registry.counter("switchboard.voice.calls.started").increment();
    }

    void callEnded(String outcome) {
        live.decrementAndGet();
        registry.counter("switchboard.voice.calls.ended", "outcome", outcome == null ? "unknown" : outcome).increment();
    }

    void record(UUID tenantId, TurnLatency t) {
        record("end_of_turn", t.endOfTurnMs());
        record("stt_final", t.sttFinalMs());
        record("llm_first_token", t.llmFirstTokenMs());
        record("tts_first_audio", t.ttsFirstAudioMs());
        record("first_audio", t.firstAudioMs());
    }

    private void record(String stage, Integer millis) {
        if (millis == null || millis < 0) {
            return;
        }
        timers.computeIfAbsent(stage, s -> Timer.builder("switchboard.voice.turn.latency").tag("stage", s)
                .description("From the caller stopping to speak to this stage of the turn")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry)).record(Duration.ofMillis(millis));
    }
}
