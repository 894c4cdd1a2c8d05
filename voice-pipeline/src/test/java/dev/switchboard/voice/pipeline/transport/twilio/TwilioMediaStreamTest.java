package dev.switchboard.voice.pipeline.transport.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.voice.pipeline.frames.BotStartedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.BotStoppedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.CallStartedFrame;
import dev.switchboard.voice.pipeline.frames.CancelFrame;
import dev.switchboard.voice.pipeline.frames.DtmfFrame;
import dev.switchboard.voice.pipeline.frames.EndFrame;
import dev.switchboard.voice.pipeline.frames.InputAudioFrame;
import dev.switchboard.voice.pipeline.frames.InterruptionFrame;
import dev.switchboard.voice.pipeline.frames.LlmResponseEndFrame;
import dev.switchboard.voice.pipeline.frames.OutputAudioFrame;
import dev.switchboard.voice.pipeline.frames.TtsTextFrame;
import dev.switchboard.voice.pipeline.testing.FrameProcessorHarness;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioMediaStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void inboundMessagesBecomeFrames() {
        TwilioFarEnd farEnd = new TwilioFarEnd();
        TwilioMediaStream stream = new TwilioMediaStream(farEnd);
        farEnd.attach(stream);
        try (FrameProcessorHarness harness = FrameProcessorHarness.start(stream.input())) {
            farEnd.connect(Map.of("tenantId", "t_42"));
            farEnd.sendAudio(new byte[160], 1);
            stream.onMessage("{\"event\":\"dtmf\",\"streamSid\":\"MZ1\",\"sequenceNumber\":\"5\",\"dtmf\":{\"track\":\"inbound_track\",\"digit\":\"7\"}}");
            stream.onMessage("not json at all");
            stream.onMessage("{\"event\":\"stop\",\"sequenceNumber\":\"6\",\"streamSid\":\"MZ1\",\"stop\":{\"accountSid\":\"AC1\",\"callSid\":\"CA1\"}}");
            harness.downstream().await(CancelFrame.class, WAIT);
            CallStartedFrame call = harness.downstream().await(CallStartedFrame.class, WAIT);
            assertThat(call.callId()).isEqualTo("CA1");
            assertThat(call.streamId()).isEqualTo("MZ1");
            assertThat(call.parameters()).containsEntry("tenantId", "t_42");
            assertThat(harness.downstream().await(InputAudioFrame.class, WAIT).sampleCount()).isEqualTo(160);
            assertThat(harness.downstream().await(DtmfFrame.class, WAIT).digit()).isEqualTo('7');
        }
    }

    @Test
    void outboundAudioIsPacedInTwentyMillisecondFramesWithAMarkAfterEachSentence() {
        TwilioFarEnd farEnd = new TwilioFarEnd();
        TwilioMediaStream stream = new TwilioMediaStream(farEnd);
        farEnd.attach(stream);
        try (FrameProcessorHarness input = FrameProcessorHarness.start(stream.input());
             FrameProcessorHarness output = FrameProcessorHarness.start(stream.output())) {
            farEnd.connect(Map.of());
            output.push(new OutputAudioFrame(new byte[1600]), new TtsTextFrame("Hello."), new LlmResponseEndFrame());
            output.downstream().await(LlmResponseEndFrame.class, WAIT);
            assertThat(output.downstream().await(TtsTextFrame.class, WAIT).text()).isEqualTo("Hello.");
            assertThat(farEnd.events("media")).hasSize(10).allSatisfy(m -> assertThat(m).contains("\"streamSid\":\"MZ1\""));
            assertThat(farEnd.events("mark")).hasSize(2);
            assertThat(farEnd.indexOfFirst("mark")).isEqualTo(10);
            output.upstream().await(BotStartedSpeakingFrame.class, WAIT);
            output.upstream().await(BotStoppedSpeakingFrame.class, WAIT);
        }
    }

    @Test
    void bargeInClearsTwilioAndForgetsPendingMarks() {
        TwilioFarEnd farEnd = new TwilioFarEnd();
        TwilioMediaStream stream = new TwilioMediaStream(farEnd);
        farEnd.attach(stream);
        try (FrameProcessorHarness input = FrameProcessorHarness.start(stream.input());
             FrameProcessorHarness output = FrameProcessorHarness.start(stream.output())) {
            farEnd.connect(Map.of());
            output.push(new OutputAudioFrame(new byte[8000]), new TtsTextFrame("A long sentence."));
            output.upstream().await(BotStartedSpeakingFrame.class, WAIT);
            output.push(new InterruptionFrame());
            output.downstream().await(InterruptionFrame.class, WAIT);
            output.upstream().await(BotStoppedSpeakingFrame.class, WAIT);
            output.settle();
            assertThat(farEnd.events("clear")).hasSize(1);
            assertThat(farEnd.events("media").size()).isLessThan(50);
            assertThat(output.downstream().frames(TtsTextFrame.class)).isEmpty();
        }
    }

    @Test
    void theEndFrameLetsQueuedAudioPlayThenHangsUp() {
        TwilioFarEnd farEnd = new TwilioFarEnd();
        TwilioMediaStream stream = new TwilioMediaStream(farEnd);
        farEnd.attach(stream);
        try (FrameProcessorHarness input = FrameProcessorHarness.start(stream.input());
             FrameProcessorHarness output = FrameProcessorHarness.start(stream.output())) {
            farEnd.connect(Map.of());
            output.push(new OutputAudioFrame(new byte[1600]), new EndFrame("goodbye said"));
            output.downstream().await(EndFrame.class, WAIT);
            assertThat(farEnd.events("media")).hasSize(10);
            assertThat(farEnd.closed).isTrue();
        }
    }
}
