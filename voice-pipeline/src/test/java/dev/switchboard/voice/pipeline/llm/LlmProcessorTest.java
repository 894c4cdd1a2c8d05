package dev.switchboard.voice.pipeline.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.voice.pipeline.frames.CallStartedFrame;
import dev.switchboard.voice.pipeline.frames.InterruptionFrame;
import dev.switchboard.voice.pipeline.frames.LlmResponseEndFrame;
import dev.switchboard.voice.pipeline.frames.LlmResponseStartFrame;
import dev.switchboard.voice.pipeline.frames.LlmTextFrame;
import dev.switchboard.voice.pipeline.frames.ToolCallFinishedFrame;
import dev.switchboard.voice.pipeline.frames.ToolCallStartedFrame;
import dev.switchboard.voice.pipeline.frames.UserTurnFrame;
import dev.switchboard.voice.pipeline.testing.FrameProcessorHarness;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmProcessorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void streamsTheAnswerSentenceBySentenceWithTheCallContext() {
        ScriptedAgent agent = new ScriptedAgent(text -> "We open at nine. We close at five. ", 5);
        LlmProcessor llm = new LlmProcessor(agent, LlmSettings.DEFAULTS, new Transcript());
        try (FrameProcessorHarness harness = FrameProcessorHarness.start(llm)) {
            harness.push(new CallStartedFrame("CA1", "MZ1", Map.of("tenantId", "t_42")));
            harness.push(new UserTurnFrame("when do you open"));
            harness.downstream().await(LlmResponseEndFrame.class, WAIT);
            assertThat(harness.downstream().frames(LlmTextFrame.class)).extracting(LlmTextFrame::text)
                    .containsExactly("We open at nine.", "We close at five.");
            assertThat(harness.downstream().frames(LlmResponseStartFrame.class)).hasSize(1);
            assertThat(agent.turns.getFirst().call().parameters()).containsEntry("tenantId", "t_42");
        }
    }

    @Test
    void speaksTheGreetingWhenTheCallStarts() {
        LlmProcessor llm = new LlmProcessor(new ScriptedAgent(t -> "", 1),
                LlmSettings.DEFAULTS.withGreeting("Hello, you are speaking with the assistant."), new Transcript());
        try (FrameProcessorHarness harness = FrameProcessorHarness.start(llm)) {
            harness.push(new CallStartedFrame("CA1", "MZ1", Map.of()));
            harness.downstream().await(LlmResponseEndFrame.class, WAIT);
            assertThat(harness.downstream().frames(LlmTextFrame.class)).extracting(LlmTextFrame::text)
                    .containsExactly("Hello, you are speaking with the assistant.");
        }
    }

    @Test
    void anInterruptionCancelsTheReplyAndSilencesItsLateText() {
        ScriptedAgent agent = new ScriptedAgent(text -> "One. Two. Three. Four. Five. Six. Seven. Eight. ", 100);
        LlmProcessor llm = new LlmProcessor(agent, LlmSettings.DEFAULTS, new Transcript());
        try (FrameProcessorHarness harness = FrameProcessorHarness.start(llm)) {
            harness.push(new UserTurnFrame("count"));
            harness.downstream().awaitMatching(f -> f instanceof LlmTextFrame t && t.text().equals("Two."), WAIT, "Two.");
            harness.push(new InterruptionFrame());
            harness.downstream().await(InterruptionFrame.class, WAIT);
            assertThat(agent.cancelled).containsExactly("count");
            ScriptedAgent.sleep(400);
            harness.settle();
            assertThat(harness.downstream().frames(LlmTextFrame.class).size()).isLessThanOrEqualTo(3);
            assertThat(harness.downstream().frames(LlmResponseEndFrame.class)).isEmpty();
        }
    }

    @Test
    void announcesToolCallsBothWaysAndHoldsTheLineWhileASlowToolRuns() {
        ConversationAgent agent = (turn, listener) -> {
            Thread.ofVirtual().start(() -> {
                ToolCall lookup = new ToolCall("t1", "find_booking");
                listener.toolStarted(lookup);
                ScriptedAgent.sleep(600);
                listener.toolFinished(lookup, true);
                listener.text("Found it. ");
                listener.completed();
            });
            return () -> { };
        };
        LlmSettings settings = LlmSettings.DEFAULTS.withHoldingPhrase("One moment please.", Duration.ofMillis(200));
        try (FrameProcessorHarness harness = FrameProcessorHarness.start(new LlmProcessor(agent, settings, new Transcript()))) {
            harness.push(new UserTurnFrame("where is my booking"));
            harness.downstream().await(LlmResponseEndFrame.class, WAIT);
            assertThat(harness.downstream().frames(LlmTextFrame.class)).extracting(LlmTextFrame::text)
                    .containsExactly("One moment please.", "Found it.");
            assertThat(harness.downstream().frames(ToolCallFinishedFrame.class)).hasSize(1);
            harness.upstream().awaitCount(ToolCallStartedFrame.class, 1, WAIT);
            harness.upstream().awaitCount(ToolCallFinishedFrame.class, 1, WAIT);
        }
    }

    @Test
    void aFastToolNeedsNoHoldingPhrase() {
        ConversationAgent agent = (turn, listener) -> {
            ToolCall lookup = new ToolCall("t1", "find_booking");
            listener.toolStarted(lookup);
            listener.toolFinished(lookup, true);
            listener.text("Found it.");
            listener.completed();
            return () -> { };
        };
        LlmSettings settings = LlmSettings.DEFAULTS.withHoldingPhrase("One moment please.", Duration.ofMillis(300));
        try (FrameProcessorHarness harness = FrameProcessorHarness.start(new LlmProcessor(agent, settings, new Transcript()))) {
            harness.push(new UserTurnFrame("where is my booking"));
            harness.downstream().await(LlmResponseEndFrame.class, WAIT);
            ScriptedAgent.sleep(500);
            harness.settle();
            assertThat(harness.downstream().frames(LlmTextFrame.class)).extracting(LlmTextFrame::text)
                    .containsExactly("Found it.");
        }
    }
}
