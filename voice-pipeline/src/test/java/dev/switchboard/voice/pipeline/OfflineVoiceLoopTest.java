package dev.switchboard.voice.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.switchboard.voice.pipeline.stt.sphinx.OfflineRecognizer;
import dev.switchboard.voice.pipeline.stt.sphinx.SphinxSettings;
import dev.switchboard.voice.pipeline.stt.sphinx.SphinxStt;
import dev.switchboard.voice.pipeline.transport.twilio.TwilioFarEnd;
import dev.switchboard.voice.pipeline.transport.twilio.TwilioMediaStream;
import dev.switchboard.voice.pipeline.tts.flite.FliteTts;
import dev.switchboard.voice.pipeline.vad.VadParams;
import dev.switchboard.voice.pipeline.vad.VadProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A whole call with no network: real synthetic speech streamed in real time as Twilio frames, through Silero VAD,
 * pocketsphinx, a scripted responder and flite, and the reply recognised back from the audio the bot played.
 */
class OfflineVoiceLoopTest {

    static final List<String> CALLER_PHRASES = List.of("what time do you open", "book a table for two",
            "I want to cancel my order", "yes please", "no thanks");
    static final List<String> REPLY_PHRASES = List.of("we open at nine in the morning", "your table is booked",
            "we are open from nine to five", "goodbye");

    static ScriptedAgent responder() {
        return new ScriptedAgent(text -> switch (text) {
            case "what time do you open" -> "We are open from nine to five. ";
            case "book a table for two" -> "Your table is booked. ";
            default -> "Goodbye. ";
        }, 10);
    }

    @Test
    void callerSpeechIsRecognisedAnsweredAndTheSpokenReplyIsIntelligible() throws Exception {
        TwilioFarEnd farEnd = new TwilioFarEnd();
        TwilioMediaStream twilio = new TwilioMediaStream(farEnd);
        farEnd.attach(twilio);
        Transcript transcript = new Transcript();
        ScriptedAgent agent = responder();
        Pipeline pipeline = Pipeline.of(
                twilio.input(),
                new VadProcessor(VadParams.DEFAULTS),
                new SphinxStt(SphinxSettings.grammar(CALLER_PHRASES)),
                new UserTurnAggregator(TurnSettings.DEFAULTS, transcript),
                new LlmProcessor(agent, LlmSettings.DEFAULTS, transcript),
                new FliteTts(),
                twilio.output(),
                new AssistantTurnAggregator(transcript));
        List<TurnTimings.TurnTiming> timings = new java.util.concurrent.CopyOnWriteArrayList<>();
        TurnTimings.observe(pipeline, timings::add);
        try (pipeline) {
            pipeline.start();
            farEnd.connect(Map.of("tenantId", "t_42"));
            try (CallerAudio caller = new CallerAudio(farEnd, SpeechFixtures.utterance("What time do you open?", 500, 0))) {
                VoiceLoops.awaitEntries(transcript, 2, Duration.ofSeconds(30));
            }
            List<TranscriptEntry> entries = transcript.entries();
            assertThat(entries.get(0).text()).isEqualTo("what time do you open");
            assertThat(entries.get(1).text()).isEqualTo("We are open from nine to five.");
            assertThat(agent.turns.getFirst().call().parameters()).containsEntry("tenantId", "t_42");
            assertThat(timings).hasSize(1); // measured, not asserted: latencies are the benchmark's business
            System.out.println("offline turn timing: " + timings.getFirst());

            short[] reply16k = VoiceLoops.asHeard16k(farEnd.playedAudio());
            try (OfflineRecognizer listener = new OfflineRecognizer(SphinxSettings.grammar(REPLY_PHRASES))) {
                assertThat(listener.recognize(reply16k)).isEqualTo("we are open from nine to five");
            }
        }
    }
}
