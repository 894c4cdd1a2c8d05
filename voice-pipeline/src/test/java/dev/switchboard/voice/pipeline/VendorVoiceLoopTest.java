package dev.switchboard.voice.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.fakes.deepgram.FakeDeepgram;
import dev.switchboard.fakes.deepgram.Recognizer;
import dev.switchboard.fakes.elevenlabs.FakeElevenLabs;
import dev.switchboard.voice.pipeline.llm.LlmProcessor;
import dev.switchboard.voice.pipeline.llm.LlmSettings;
import dev.switchboard.voice.pipeline.llm.ScriptedAgent;
import dev.switchboard.voice.pipeline.llm.Transcript;
import dev.switchboard.voice.pipeline.llm.TranscriptEntry;
import dev.switchboard.voice.pipeline.pipeline.Pipeline;
import dev.switchboard.voice.pipeline.pipeline.TurnTimings;
import dev.switchboard.voice.pipeline.processors.AssistantTurnAggregator;
import dev.switchboard.voice.pipeline.processors.TurnSettings;
import dev.switchboard.voice.pipeline.processors.UserTurnAggregator;
import dev.switchboard.voice.pipeline.stt.deepgram.DeepgramSettings;
import dev.switchboard.voice.pipeline.stt.deepgram.DeepgramStt;
import dev.switchboard.voice.pipeline.stt.sphinx.OfflineRecognizer;
import dev.switchboard.voice.pipeline.stt.sphinx.SphinxSettings;
import dev.switchboard.voice.pipeline.transport.twilio.TwilioFarEnd;
import dev.switchboard.voice.pipeline.transport.twilio.TwilioMediaStream;
import dev.switchboard.voice.pipeline.tts.elevenlabs.ElevenLabsSettings;
import dev.switchboard.voice.pipeline.tts.elevenlabs.ElevenLabsTts;
import dev.switchboard.voice.pipeline.vad.VadParams;
import dev.switchboard.voice.pipeline.vad.VadProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same call as {@link OfflineVoiceLoopTest}, with the Deepgram and ElevenLabs clients speaking their real
 * protocols to the fakes: the fake Deepgram recognises with pocketsphinx, the fake ElevenLabs speaks with flite.
 */
class VendorVoiceLoopTest {

    @Test
    void theVendorClientsCarryTheCallThroughTheirFakes() throws Exception {
        try (OfflineRecognizer callerRecognizer = new OfflineRecognizer(SphinxSettings.grammar(OfflineVoiceLoopTest.CALLER_PHRASES));
             FakeDeepgram deepgram = new FakeDeepgram(dev.switchboard.fakes.deepgram.DeepgramSettings.scripted(List.of())
                     .withApiKey("dg").withRecognizer(recognizer(callerRecognizer)));
             FakeElevenLabs elevenLabs = new FakeElevenLabs(
                     dev.switchboard.fakes.elevenlabs.ElevenLabsSettings.withFlite().withApiKey("xi"))) {
            TwilioFarEnd farEnd = new TwilioFarEnd();
            TwilioMediaStream twilio = new TwilioMediaStream(farEnd);
            farEnd.attach(twilio);
            Transcript transcript = new Transcript();
            Pipeline pipeline = Pipeline.of(
                    twilio.input(),
                    new VadProcessor(VadParams.DEFAULTS),
                    new DeepgramStt(DeepgramSettings.of("dg").withBaseUrl(deepgram.baseUrl())),
                    new UserTurnAggregator(TurnSettings.DEFAULTS, transcript),
                    new LlmProcessor(OfflineVoiceLoopTest.responder(), LlmSettings.DEFAULTS, transcript),
                    new ElevenLabsTts(ElevenLabsSettings.of("xi", "voice123").withBaseUrl(elevenLabs.baseUrl())),
                    twilio.output(),
                    new AssistantTurnAggregator(transcript));
            List<TurnTimings.TurnTiming> timings = new java.util.concurrent.CopyOnWriteArrayList<>();
            TurnTimings.observe(pipeline, timings::add);
            try (pipeline) {
                pipeline.start();
                farEnd.connect(Map.of());
                try (CallerAudio caller = new CallerAudio(farEnd, SpeechFixtures.utterance("What time do you open?", 500, 0))) {
                    VoiceLoops.awaitEntries(transcript, 2, Duration.ofSeconds(30));
                }
            }
            System.out.println("vendor-client turn timing (fakes, 50 ms Deepgram delay, 150 ms ElevenLabs first chunk): "
                    + timings);
            List<TranscriptEntry> entries = transcript.entries();
            assertThat(entries.get(0).text()).isEqualTo("what time do you open");
            assertThat(entries.get(1).text()).isEqualTo("We are open from nine to five.");
            try (OfflineRecognizer listener = new OfflineRecognizer(SphinxSettings.grammar(OfflineVoiceLoopTest.REPLY_PHRASES))) {
                assertThat(listener.recognize(VoiceLoops.asHeard16k(farEnd.playedAudio())))
                        .isEqualTo("we are open from nine to five");
            }
        }
    }

    /** pocketsphinx behind the fake's recogniser port: interim results are not attempted. */
    private static Recognizer recognizer(OfflineRecognizer sphinx) {
        return (mulaw, isFinal) -> {
            if (!isFinal) {
                return "";
            }
            synchronized (sphinx) {
                return sphinx.recognize(VoiceLoops.asHeard16k(mulaw));
            }
        };
    }
}
