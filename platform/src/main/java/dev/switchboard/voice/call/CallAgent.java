package dev.switchboard.voice.call;

import dev.switchboard.agent.AgentTurns;
import dev.switchboard.agent.TurnHandle;
import dev.switchboard.agent.TurnListener;
import dev.switchboard.agent.TurnOptions;
import dev.switchboard.agent.TurnOutcome;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.voice.pipeline.llm.AgentReply;
import dev.switchboard.voice.pipeline.llm.AgentTurn;
import dev.switchboard.voice.pipeline.llm.ConversationAgent;
import dev.switchboard.voice.pipeline.llm.ReplyListener;
import dev.switchboard.voice.pipeline.llm.ToolCall;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's LLM stage backed by the platform's agent: each caller turn becomes an agent turn on the call's
 * conversation, with the same configuration and tools as on text channels. The answer streams to the caller as the
 * model writes it; the offline flow, which answers whole, is spoken when its turn ends. A silent agent gets a
 * holding phrase after {@code holdAfter} and is abandoned with an apology after {@code giveUpAfter}, so the caller
 * never faces dead air; how the turn ended (end_call, handoff...) is handed to the call.
 */
final class CallAgent implements ConversationAgent {

    private static final Logger log = LoggerFactory.getLogger(CallAgent.class);

    /** What the agent's turns may ask of the call. */
    interface Call {
        UUID tenantId();

        UUID conversationId();

        String phrase(String name);

        /** Takes the caller's words when the call is not the agent's (a voicemail, a message for a human). */
        boolean tookAsMessage(String text, ReplyListener listener);

        void turnEnded(TurnOutcome outcome);

        void toolsFinished(UUID turnId);

        void busy(boolean busy);

        /** The voice agent's instructions, tools and the call's context, for every turn of the call. */
        TurnOptions turnOptions();
    }

    private final AgentTurns turns;
    private final Call call;
    private final TurnClock clock;
    private final ScheduledExecutorService timers;
    private final Duration holdAfter;
    private final Duration giveUpAfter;

    CallAgent(AgentTurns turns, Call call, TurnClock clock, ScheduledExecutorService timers, Duration holdAfter,
              Duration giveUpAfter) {
        this.turns = turns;
        this.call = call;
        this.clock = clock;
        this.timers = timers;
        this.holdAfter = holdAfter;
        this.giveUpAfter = giveUpAfter;
    }

    @Override
    public AgentReply respond(AgentTurn turn, ReplyListener listener) {
        clock.turnDecided(turn.userText(), System.nanoTime());
        if (call.tookAsMessage(turn.userText(), listener)) {
            return () -> { };
        }
        Reply reply = new Reply(listener);
        call.busy(true);
        String text = SpokenDigits.normalise(turn.userText());
        Thread.ofVirtual().name("call-agent-turn").start(() -> reply.start(text));
        return reply::cancel;
    }

    /** One answer in progress: the agent's callbacks, the watchdog timers, and the text already streamed. */
    private final class Reply implements TurnListener {
        private final ReplyListener listener;
        private final AtomicReference<TurnHandle> handle = new AtomicReference<>();
        private final StringBuilder streamed = new StringBuilder();
        private boolean afterTool;
        private volatile boolean done;
        private volatile boolean spoke;
        private ScheduledFuture<?> hold;
        private ScheduledFuture<?> giveUp;

        Reply(ReplyListener listener) {
            this.listener = listener;
        }

        void start(String text) {
            hold = timers.schedule(this::holdOn, holdAfter.toMillis(), TimeUnit.MILLISECONDS);
            giveUp = timers.schedule(this::abandon, giveUpAfter.toMillis(), TimeUnit.MILLISECONDS);
            try {
                handle.set(TenantScope.call(call.tenantId(), () -> turns.stream(call.conversationId(), text, this)));
            } catch (RuntimeException e) {
                log.warn("conversation {}: the agent turn could not start: {}", call.conversationId(), e.toString());
                fail(e);
            }
        }

        void cancel() {
            if (finish()) {
                TurnHandle h = handle.get();
                if (h != null) {
                    h.cancel();
                }
            }
        }

        @Override
        public TurnOptions options() {
            return call.turnOptions();
        }

        @Override
        public void onTextDelta(String delta) {
            if (done) {
                return;
            }
            clock.firstToken(System.nanoTime());
            spoke = true;
            String piece = delta;
            synchronized (streamed) {
                if (afterTool && !streamed.isEmpty() && !delta.isEmpty() && !Character.isWhitespace(delta.charAt(0))) {
                    piece = " " + delta; // the model's text after a tool call starts a new sentence
                }
                afterTool = false;
                streamed.append(piece);
            }
            listener.text(piece);
        }

        @Override
        public void onToolCallStarted(String callId, String toolName) {
            synchronized (streamed) {
                afterTool = true;
            }
            if (!done) {
                listener.toolStarted(new ToolCall(callId, toolName));
            }
        }

        @Override
        public void onToolCallFinished(String callId, String toolName, String status) {
            if (!done) {
                listener.toolFinished(new ToolCall(callId, toolName), "ok".equals(status));
            }
        }

        @Override
        public void onFinished(TurnOutcome outcome) {
            if (outcome != null) {
                call.toolsFinished(outcome.turnId());
            }
            if (!finish() || outcome == null) {
                return;
            }
            String rest = unspoken(outcome.reply());
            if (!rest.isBlank()) {
                clock.firstToken(System.nanoTime());
                listener.text(rest);
            }
            call.turnEnded(outcome);
            listener.completed();
        }

        /** The agent is still thinking: tell the caller, once. */
        private void holdOn() {
            if (!done && !spoke) {
                spoke = true;
                listener.text(call.phrase("holding") + " ");
            }
        }

        /** The agent never finished: drop the turn and apologise; the caller may simply try again. */
        private void abandon() {
            if (finish()) {
                log.warn("conversation {}: the agent did not answer within {}; apologising", call.conversationId(), giveUpAfter);
                TurnHandle h = handle.get();
                if (h != null) {
                    h.cancel();
                }
                listener.text(" " + call.phrase("apology") + " ");
                listener.completed();
            }
        }

        private void fail(RuntimeException error) {
            if (finish()) {
                listener.text(call.phrase("apology") + " ");
                listener.completed();
            }
        }

        /** Ends this reply once; false when something else ended it first. */
        private synchronized boolean finish() {
            if (done) {
                return false;
            }
            done = true;
            if (hold != null) {
                hold.cancel(false);
            }
            if (giveUp != null) {
                giveUp.cancel(false);
            }
            call.busy(false);
            return true;
        }

        /**
         * The part of the final reply the stream did not carry: all of it for the offline flow, nothing when the
         * model streamed it (before a control tool such as end_call, or after the last tool), and a replacement
         * text (an apology, a handoff phrase) in full.
         */
        private String unspoken(String reply) {
            if (reply == null) {
                return "";
            }
            String said;
            synchronized (streamed) {
                said = streamed.toString().strip();
            }
            String full = reply.strip();
            if (said.isEmpty()) {
                return full;
            }
            return said.contains(full) ? "" : " " + full;
        }
    }
}
