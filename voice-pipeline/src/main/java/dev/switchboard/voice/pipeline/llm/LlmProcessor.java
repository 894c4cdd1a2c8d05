package dev.switchboard.voice.pipeline.llm;

import dev.switchboard.voice.pipeline.frames.CallStartedFrame;
import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.InterruptionFrame;
import dev.switchboard.voice.pipeline.frames.LlmResponseEndFrame;
import dev.switchboard.voice.pipeline.frames.LlmResponseStartFrame;
import dev.switchboard.voice.pipeline.frames.LlmTextFrame;
import dev.switchboard.voice.pipeline.frames.ToolCallFinishedFrame;
import dev.switchboard.voice.pipeline.frames.ToolCallStartedFrame;
import dev.switchboard.voice.pipeline.frames.UserTurnFrame;
import dev.switchboard.voice.pipeline.pipeline.Direction;
import dev.switchboard.voice.pipeline.pipeline.FrameProcessor;
import dev.switchboard.voice.pipeline.pipeline.Scheduled;

/**
 * Asks the agent to answer each user turn and forwards the answer as it streams, cut into sentences and clauses.
 * Every reply carries a generation number: an interruption bumps it, so late callbacks from a cancelled reply are
 * ignored. Tool calls travel both ways: downstream for the transcript, upstream so turn-taking can hold off
 * interruptions while a tool runs.
 */
public final class LlmProcessor extends FrameProcessor {

    private final ConversationAgent agent;
    private final LlmSettings settings;
    private final Transcript transcript;
    private final SentenceChunker chunker = new SentenceChunker();
    private CallContext call = CallContext.UNKNOWN;
    private AgentReply reply;
    private Scheduled holding;
    private long generation;

    public LlmProcessor(ConversationAgent agent, LlmSettings settings, Transcript transcript) {
        super("llm");
        this.agent = agent;
        this.settings = settings;
        this.transcript = transcript;
    }

    @Override
    protected void process(Frame frame, Direction direction) {
        if (direction == Direction.DOWNSTREAM) {
            switch (frame) {
                case CallStartedFrame started -> greet(started);
                case UserTurnFrame turn -> answer(turn.text());
                case InterruptionFrame interruption -> abandonReply(); // before passing it on: cancelled first
                default -> { }
            }
        }
        push(frame, direction);
    }

    private void greet(CallStartedFrame started) {
        call = new CallContext(started.callId(), started.streamId(), started.parameters());
        settings.greeting().ifPresent(greeting -> {
            push(new LlmResponseStartFrame());
            push(new LlmTextFrame(greeting));
            push(new LlmResponseEndFrame());
        });
    }

    private void answer(String userText) {
        if (reply != null) {
            abandonReply(); // a new turn supersedes an answer nobody interrupted: close that response first
            push(new LlmResponseEndFrame());
        }
        long current = ++generation;
        push(new LlmResponseStartFrame());
        AgentTurn turn = new AgentTurn(userText, call, transcript.entries());
        reply = agent.respond(turn, new Listener(current));
    }

    private void abandonReply() {
        generation++;
        chunker.reset();
        cancelHolding();
        if (reply != null) {
            reply.cancel();
            reply = null;
        }
    }

    private void speak(String delta) {
        chunker.add(delta).forEach(piece -> push(new LlmTextFrame(piece)));
    }

    private void toolStarted(ToolCall call) {
        ToolCallStartedFrame started = new ToolCallStartedFrame(call.id(), call.name());
        push(started);
        pushUpstream(started);
        settings.holdingPhrase().ifPresent(phrase -> {
            cancelHolding();
            long current = generation;
            holding = schedule(settings.holdingDelay(), () -> {
                if (current == generation) {
                    push(new LlmTextFrame(phrase));
                }
            });
        });
    }

    private void toolFinished(ToolCall call, boolean succeeded) {
        cancelHolding();
        ToolCallFinishedFrame finished = new ToolCallFinishedFrame(call.id(), call.name(), succeeded);
        push(finished);
        pushUpstream(finished);
    }

    private void finish(Throwable error) {
        cancelHolding();
        String rest = chunker.flush();
        if (!rest.isEmpty()) {
            push(new LlmTextFrame(rest));
        }
        push(new LlmResponseEndFrame());
        reply = null;
        if (error != null) {
            pushError(error);
        }
    }

    private void cancelHolding() {
        if (holding != null) {
            holding.cancel();
            holding = null;
        }
    }

    /** Brings the agent's callbacks onto this processor's thread, dropping those of an abandoned reply. */
    private final class Listener implements ReplyListener {
        private final long replyGeneration;

        Listener(long replyGeneration) {
            this.replyGeneration = replyGeneration;
        }

        private void onCurrent(Runnable action) {
            execute(() -> {
                if (replyGeneration == generation) {
                    action.run();
                }
            });
        }

        @Override
        public void text(String delta) {
            onCurrent(() -> speak(delta));
        }

        @Override
        public void toolStarted(ToolCall call) {
            onCurrent(() -> LlmProcessor.this.toolStarted(call));
        }

        @Override
        public void toolFinished(ToolCall call, boolean succeeded) {
            onCurrent(() -> LlmProcessor.this.toolFinished(call, succeeded));
        }

        @Override
        public void completed() {
            onCurrent(() -> finish(null));
        }

        @Override
        public void failed(Throwable error) {
            onCurrent(() -> finish(error));
        }
    }
}
