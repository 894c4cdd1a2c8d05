package dev.switchboard.voice.call;

import dev.switchboard.agent.TurnOptions;
import dev.switchboard.agent.TurnOutcome;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.conversation.NewMessage;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.voice.config.VoiceAgent;
import dev.switchboard.voice.config.VoiceSettings;
import dev.switchboard.voice.pipeline.frames.BotStartedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.BotStoppedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.InterruptionFrame;
import dev.switchboard.voice.pipeline.frames.LlmResponseEndFrame;
import dev.switchboard.voice.pipeline.frames.LlmResponseStartFrame;
import dev.switchboard.voice.pipeline.frames.LlmTextFrame;
import dev.switchboard.voice.pipeline.llm.LlmProcessor;
import dev.switchboard.voice.pipeline.llm.LlmSettings;
import dev.switchboard.voice.pipeline.llm.ReplyListener;
import dev.switchboard.voice.pipeline.llm.Transcript;
import dev.switchboard.voice.pipeline.llm.TranscriptEntry;
import dev.switchboard.voice.pipeline.pipeline.FrameProcessor;
import dev.switchboard.voice.pipeline.pipeline.Pipeline;
import dev.switchboard.voice.pipeline.processors.AssistantTurnAggregator;
import dev.switchboard.voice.pipeline.processors.TurnSettings;
import dev.switchboard.voice.pipeline.processors.UserTurnAggregator;
import dev.switchboard.voice.pipeline.stt.sphinx.SphinxStt;
import dev.switchboard.voice.pipeline.transport.MessageSink;
import dev.switchboard.voice.pipeline.transport.twilio.TwilioMediaStream;
import dev.switchboard.voice.pipeline.vad.VadParams;
import dev.switchboard.voice.pipeline.vad.VadProcessor;
import dev.switchboard.voice.record.StereoRecorder;
import dev.switchboard.voice.store.CallRecord;
import dev.switchboard.voice.twilio.PlayedAudio;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live call: its pipeline (Twilio in, VAD, STT, turn-taking, the agent, TTS, Twilio out), its recording and
 * journal, and what the call does around the agent: hang up after a goodbye, transfer or take a message after a
 * handoff, prompt a silent caller, stop at the length limit. Ends when the pipeline ends, whoever ended it.
 */
public final class CallSession implements CallAgent.Call {

    private static final Logger log = LoggerFactory.getLogger(CallSession.class);

    /** How long a caller leaving a message stays quiet before it counts as finished. */
    private static final Duration MESSAGE_ENDS_AFTER = Duration.ofSeconds(3);
    private static final Duration IN_PROCESS_STT_WAIT = Duration.ofSeconds(10);

    /** How the stream is handled: the agent answers, or the caller leaves a voicemail. */
    public enum Mode { AGENT, VOICEMAIL }

    private final CallServices services;
    private final TenantDefinition tenant;
    private final VoiceSettings settings;
    private final VoiceAgent agent;
    private final CallRecord call;
    private final String language;
    private final CallJournal journal;
    private final StereoRecorder recorder;
    private final String recordingKey;
    private final AtomicReference<Runnable> afterHeard = new AtomicReference<>();
    private final AtomicBoolean takingMessage = new AtomicBoolean();
    private final LeftMessage leftMessage = new LeftMessage();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final Mode mode;
    private final long startedNanos = System.nanoTime();
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean botSpeaking;
    private volatile boolean agentBusy;
    private volatile boolean promptedSilence;
    private volatile boolean limitReached;
    private volatile String endReason;
    private Pipeline pipeline;
    private TwilioMediaStream stream;
    private TurnClock clock;
    private ScheduledFuture<?> watchdog;
    private final TurnOptions turnOptions;

    CallSession(CallServices services, TenantDefinition tenant, VoiceSettings settings, VoiceAgent agent, CallRecord call,
                Mode mode) {
        this.services = services;
        this.tenant = tenant;
        this.settings = settings;
        this.agent = agent;
        this.call = call;
        this.mode = mode;
        this.language = agent.language();
        this.journal = new CallJournal(tenant.id(), call.id(), services.transcripts(), services.metrics());
        this.recordingKey = tenant.slug() + "/" + call.id() + ".wav";
        this.recorder = new StereoRecorder(services.recordingFile(recordingKey));
        this.turnOptions = CallInstructions.of(agent, call);
    }

    public UUID callId() {
        return call.id();
    }

    /**
     * Builds and starts the pipeline, then hands it the stream's {@code start} message. A call that cannot start
     * (a speech model missing, say) is closed as failed instead of lingering.
     */
    public void start(MessageSink socket, String startMessage) {
        try {
            startPipeline(socket, startMessage);
        } catch (RuntimeException e) {
            log.error("call {} could not start: {}", call.id(), e.toString());
            endReason = "could not start: " + e.getMessage();
            TenantScope.run(tenant.id(), () -> services.calls().setOutcome(call.id(), "failed", endReason));
            socket.close();
            finish();
            throw e;
        }
    }

    /** Drops a session that was built but never started (another stream claimed the call first). */
    void abandon() {
        recorder.close();
        journal.close();
    }

    private void startPipeline(MessageSink socket, String startMessage) {
        clock = new TurnClock(VadParams.DEFAULTS.stop(), journal::turn);
        stream = new TwilioMediaStream(new PlayedAudio(socket, audio -> {
            recorder.agentAudio(audio);
            clock.audioSent(System.nanoTime());
        }));
        Transcript transcript = new Transcript().onEntry(this::heard);
        CallAgent callAgent = new CallAgent(services.turns(), this, clock, services.timers(),
                services.properties().holdAfter(), services.properties().giveUpAfter());
        FrameProcessor stt = services.speech().stt(tenant, agent);
        pipeline = Pipeline.of(stream.input(), new VadProcessor(VadParams.DEFAULTS), stt,
                        new ListeningTap(recorder, clock, this::activity), new UserTurnAggregator(turnSettings(stt), transcript),
                        new LlmProcessor(callAgent, llmSettings(), transcript), services.speech().tts(tenant, agent),
                        new SpeakingTap(clock), stream.output(), new AssistantTurnAggregator(transcript))
                .onError(error -> log.warn("call {}: {} failed: {}", call.id(), error.source(), error.message()))
                .onUpstream(this::upstream).onOutput(this::output);
        pipeline.start();
        stream.onMessage(startMessage);
        services.started(this, call, greeting());
        watchdog = services.timers().scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
        Thread.ofVirtual().name("call-" + call.id()).start(this::awaitEnd);
    }

    public void onMessage(String text) {
        if (stream != null) {
            stream.onMessage(text);
        }
    }

    public void onClosed() {
        if (stream != null) {
            stream.onClosed();
        }
    }

    /** Speaks text outside the agent's turns (a human's message, a prompt to a silent caller). */
    public void say(String text) {
        pipeline.queue(new LlmResponseStartFrame());
        pipeline.queue(new LlmTextFrame(text));
        pipeline.queue(new LlmResponseEndFrame());
    }

    /**
     * The in-process recogniser answers every stop of the caller's speech (empty when it heard no words), so waiting
     * for it can only be late, never in vain: the turn waits for it rather than end on a half-heard interim when the
     * machine is busy. A network recogniser keeps the short wait, its answer may never come.
     */
    private TurnSettings turnSettings(FrameProcessor stt) {
        TurnSettings settings = TurnSettings.DEFAULTS.withMinWords(agent.bargeInMinWords())
                .withInterruptions(agent.bargeInDuringGreeting(), false);
        return stt instanceof SphinxStt ? settings.withMaxWait(IN_PROCESS_STT_WAIT) : settings;
    }

    private LlmSettings llmSettings() {
        return LlmSettings.DEFAULTS.withGreeting(greeting()).withHoldingPhrase(phrase("holding"), Duration.ofMillis(1500));
    }

    private String greeting() {
        return mode == Mode.VOICEMAIL ? VoiceAgent.text(agent.availability().message(), language, phrase("leaveMessage"))
                : VoiceAgent.text(agent.greeting(), language, "Hello! How can I help?");
    }

    @Override
    public UUID tenantId() {
        return tenant.id();
    }

    @Override
    public UUID conversationId() {
        return call.conversationId();
    }

    @Override
    public String phrase(String name) {
        return CallPhrases.of(name, agent, language);
    }

    @Override
    public TurnOptions turnOptions() {
        return turnOptions;
    }

    @Override
    public void busy(boolean busy) {
        agentBusy = busy;
        activity();
    }

    @Override
    public boolean tookAsMessage(String text, ReplyListener listener) {
        if (mode != Mode.VOICEMAIL && !takingMessage.get()) {
            return false;
        }
        // No answer while the caller leaves their message: the watchdog ends it once they have been quiet a while.
        leftMessage.add(text, System.nanoTime(),
                words -> TenantScope.call(tenant.id(), () -> services.messages().append(call.conversationId(),
                        NewMessage.text(MessageRole.CUSTOMER, words)).id()),
                (id, words) -> TenantScope.run(tenant.id(), () -> services.messages().update(id, words,
                        tools.jackson.databind.node.JsonNodeFactory.instance.objectNode())));
        activity();
        listener.completed();
        return true;
    }

    /** The caller left words and has been quiet for {@link #MESSAGE_ENDS_AFTER}: thank them and hang up. */
    private boolean finishLeftMessage(long now) {
        if (botSpeaking || now - lastActivity < MESSAGE_ENDS_AFTER.toNanos() || !leftMessage.endedBy(MESSAGE_ENDS_AFTER, now)
                || !leftMessage.finish()) {
            return false;
        }
        journal.line("event", mode == Mode.VOICEMAIL ? "voicemail left" : "message taken for a human", false, null, Instant.now());
        say(phrase("messageTaken"));
        afterHeard(() -> hangUp(mode == Mode.VOICEMAIL ? "voicemail" : "message taken", mode == Mode.VOICEMAIL ? "voicemail" : null));
        return true;
    }

    @Override
    public void turnEnded(TurnOutcome outcome) {
        switch (outcome.ending()) {
            case CALL_ENDED, CONVERSATION_ENDED -> afterHeard(() -> hangUp("ended by the agent", null));
            case HANDED_OFF -> afterHeard(() -> handOff(outcome.reason()));
            default -> { }
        }
    }

    @Override
    public void toolsFinished(UUID turnId) {
        if (turnId == null) {
            return;
        }
        TenantScope.run(tenant.id(), () -> services.messages().latest(call.conversationId(), 40).stream()
                .filter(m -> m.role() == MessageRole.TOOL && turnId.equals(m.turnId()))
                .forEach(m -> journal.line("tool", m.content().path("name").asString(m.text()), false,
                        services.toolDetail(m.content()), m.createdAt())));
    }

    private void handOff(String reason) {
        String number = settings.humanNumber();
        if (number != null && services.transfer().available(tenant, settings)) {
            journal.line("event", "transferred to a human (" + reason + ")", false, null, Instant.now());
            TenantScope.run(tenant.id(), () -> services.calls().setOutcome(call.id(), "transferred", "handoff: " + reason));
            if (services.transfer().transfer(tenant, settings, call.callSid(), number, language)) {
                return;
            }
            TenantScope.run(tenant.id(), () -> services.calls().setOutcome(call.id(), null, null));
        }
        takingMessage.set(true);
        say(phrase("leaveMessage"));
    }

    private void hangUp(String reason, String outcome) {
        endReason = reason;
        if (outcome != null) {
            TenantScope.run(tenant.id(), () -> services.calls().setOutcome(call.id(), outcome, reason));
        }
        pipeline.end(reason);
    }

    /** Runs {@code action} once the caller heard the answer being spoken (or cut it short), at most 30 s from now. */
    private void afterHeard(Runnable action) {
        afterHeard.set(action);
        services.timers().schedule(() -> runAfterHeard(action), 30, TimeUnit.SECONDS);
    }

    private void runAfterHeard(Runnable expected) {
        if (afterHeard.compareAndSet(expected, null)) {
            expected.run();
        }
    }

    private void output(Frame frame) {
        if (frame instanceof LlmResponseEndFrame || frame instanceof InterruptionFrame) {
            Runnable action = afterHeard.getAndSet(null);
            if (action != null) {
                Thread.ofVirtual().start(action);
            }
        }
    }

    private void upstream(Frame frame) {
        if (frame instanceof BotStartedSpeakingFrame) {
            botSpeaking = true;
        } else if (frame instanceof BotStoppedSpeakingFrame) {
            botSpeaking = false;
        }
        activity();
    }

    private void activity() {
        lastActivity = System.nanoTime();
    }

    private void heard(TranscriptEntry entry) {
        switch (entry.role()) {
            case USER -> journal.line("caller", entry.text(), false, null, entry.at());
            case ASSISTANT -> journal.line("agent", entry.text(), entry.interrupted(), null, entry.at());
            case TOOL -> { } // written with arguments and results once the agent's turn ends
        }
    }

    /** Once a second: the length limit, and a caller who has gone quiet. */
    private void watch() {
        long now = System.nanoTime();
        if (finishLeftMessage(now)) {
            return;
        }
        if (!limitReached && now - startedNanos > agent.maxCallLength().toNanos()) {
            limitReached = true;
            say(phrase("timeLimit"));
            afterHeard(() -> hangUp("time limit", null));
            return;
        }
        boolean idle = !botSpeaking && !agentBusy && now - lastActivity > agent.silenceLimit().toNanos();
        if (idle && !limitReached) {
            activity();
            if (!promptedSilence) {
                promptedSilence = true;
                say(phrase("stillThere"));
            } else {
                limitReached = true;
                say(phrase("goodbye"));
                afterHeard(() -> hangUp("silence", null));
            }
        }
    }

    private void awaitEnd() {
        try {
            while (!pipeline.awaitTermination(Duration.ofMinutes(1))) {
                if (System.nanoTime() - startedNanos > agent.maxCallLength().plusMinutes(2).toNanos()) {
                    pipeline.cancel("the call outlived its limit");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finish();
        }
    }

    private void finish() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        if (pipeline != null) {
            pipeline.close();
        }
        if (clock != null) {
            clock.flush();
        }
        recorder.close();
        journal.close();
        services.ended(this, call, recordingKey, recorder, endReason == null ? "caller hung up" : endReason);
    }
}
