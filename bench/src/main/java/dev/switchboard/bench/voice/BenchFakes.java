package dev.switchboard.bench.voice;

import dev.switchboard.fakes.anthropic.AnthropicFake;
import dev.switchboard.fakes.anthropic.AnthropicOptions;
import dev.switchboard.fakes.deepgram.DeepgramSettings;
import dev.switchboard.fakes.deepgram.FakeDeepgram;
import dev.switchboard.fakes.elevenlabs.ElevenLabsSettings;
import dev.switchboard.fakes.elevenlabs.FakeElevenLabs;
import dev.switchboard.fakes.llm.DefaultResponder;
import java.time.Duration;
import java.util.Map;

/**
 * The providers a benchmarked call talks to, at the reference design's latencies: Deepgram's final result
 * {@code sttMs} after it is asked to finalise, the model's first token after {@code llmMs}, ElevenLabs' first audio
 * after {@code ttsMs}. The fake ElevenLabs speaks with flite (once per distinct sentence: it keeps what it said).
 */
record BenchFakes(FakeDeepgram deepgram, FakeElevenLabs elevenLabs, AnthropicFake anthropic) implements AutoCloseable {

    static BenchFakes start(int sttMs, int llmMs, int ttsMs, String heard) {
        FakeDeepgram deepgram = new FakeDeepgram(DeepgramSettings.scripted(java.util.List.of())
                .withRecognizer((mulaw, isFinal) -> heard).withResponseDelay(Duration.ofMillis(sttMs)));
        FakeElevenLabs elevenLabs = new FakeElevenLabs(ElevenLabsSettings.withFlite()
                .withFirstChunkDelay(Duration.ofMillis(ttsMs)));
        AnthropicFake anthropic = AnthropicFake.start(AnthropicOptions.defaults()
                .withResponder(new DefaultResponder(Duration.ofMillis(llmMs), 0)));
        return new BenchFakes(deepgram, elevenLabs, anthropic);
    }

    Map<String, String> environment() {
        return Map.of("ANTHROPIC_API_KEY", "sk-bench", "ANTHROPIC_BASE_URL", anthropic.baseUrl().toString(),
                "DEEPGRAM_API_KEY", "dg-bench", "DEEPGRAM_BASE_URL", deepgram.baseUrl().toString(),
                "ELEVENLABS_API_KEY", "el-bench", "ELEVENLABS_BASE_URL", elevenLabs.baseUrl().toString());
    }

    @Override
    public void close() {
        deepgram.close();
        elevenLabs.close();
        anthropic.close();
    }
}
