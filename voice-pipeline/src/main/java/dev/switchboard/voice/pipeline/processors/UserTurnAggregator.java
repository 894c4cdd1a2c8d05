package dev.switchboard.voice.pipeline.processors;

import dev.switchboard.voice.pipeline.frames.BotStartedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.BotStoppedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.InterimTranscriptionFrame;
import dev.switchboard.voice.pipeline.frames.InterruptionFrame;
import dev.switchboard.voice.pipeline.frames.ToolCallFinishedFrame;
import dev.switchboard.voice.pipeline.frames.ToolCallStartedFrame;
import dev.switchboard.voice.pipeline.frames.TranscriptionFrame;
import dev.switchboard.voice.pipeline.frames.UserStartedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.UserStoppedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.UserTurnFrame;
import dev.switchboard.voice.pipeline.llm.Transcript;
import dev.switchboard.voice.pipeline.llm.TranscriptEntry;
import dev.switchboard.voice.pipeline.pipeline.Direction;
import dev.switchboard.voice.pipeline.pipeline.FrameProcessor;
import dev.switchboard.voice.pipeline.pipeline.Scheduled;

/**
 * Turn-taking: gathers the caller's transcriptions into one turn, decides when the turn has ended, and interrupts
 * the bot when the caller barges in. It sits after speech-to-text and before the LLM; it learns when the bot speaks
 * from the frames the output transport sends upstream, and about tool calls from the LLM stage.
 */
public final class UserTurnAggregator extends FrameProcessor {

    private final TurnSettings settings;
    private final Transcript transcript;
    private final StringBuilder finals = new StringBuilder();
    private String interim = "";
    private boolean userSpeaking;
    private boolean botSpeaking;
    private int botUtterances;
    private int toolsRunning;
    private boolean bargedIn;
    private Scheduled waiting;

    public UserTurnAggregator(TurnSettings settings, Transcript transcript) {
        super("user-turns");
        this.settings = settings;
        this.transcript = transcript;
    }

    @Override
    protected void process(Frame frame, Direction direction) {
        boolean swallowed = switch (frame) {
            case BotStartedSpeakingFrame started -> botSpeakingChanged(true);
            case BotStoppedSpeakingFrame stopped -> botSpeakingChanged(false);
            case ToolCallStartedFrame started when direction == Direction.UPSTREAM -> toolsChanged(+1);
            case ToolCallFinishedFrame finished when direction == Direction.UPSTREAM -> toolsChanged(-1);
            case UserStartedSpeakingFrame started -> userStarted();
            case UserStoppedSpeakingFrame stopped -> userStopped();
            case InterimTranscriptionFrame partial -> heardInterim(partial.text());
            case TranscriptionFrame settled -> heardFinal(settled.text());
            default -> false;
        };
        if (!swallowed) {
            push(frame, direction);
        }
    }

    private boolean botSpeakingChanged(boolean speaking) {
        if (speaking && !botSpeaking) {
            botUtterances++;
        }
        botSpeaking = speaking;
        return false;
    }

    private boolean toolsChanged(int delta) {
        toolsRunning = Math.max(0, toolsRunning + delta);
        return false;
    }

    /** While muted the caller's speech neither interrupts nor counts as a turn. */
    private boolean muted() {
        boolean greeting = botSpeaking && botUtterances == 1 && !settings.interruptibleGreeting();
        boolean tool = toolsRunning > 0 && !settings.interruptibleToolCalls();
        return greeting || tool;
    }

    private boolean userStarted() {
        if (muted()) {
            return false;
        }
        userSpeaking = true;
        cancelWaiting();
        if (settings.minWords() == 0) {
            interruptIfBotSpeaking();
        }
        return false;
    }

    private boolean userStopped() {
        if (!userSpeaking) {
            return false;
        }
        userSpeaking = false;
        if (settings.endOfTurn() == TurnSettings.EndOfTurn.VAD && !finals.isEmpty()) {
            endTurn();
        } else {
            cancelWaiting();
            waiting = schedule(settings.maxWait(), this::endTurn);
        }
        return false;
    }

    private boolean heardInterim(String text) {
        if (!muted()) {
            interim = text;
            interruptOnWords(text);
        }
        return true;
    }

    private boolean heardFinal(String text) {
        if (muted()) {
            return true;
        }
        if (text.isBlank()) {
            if (waiting != null) {
                endTurn(); // the recogniser has nothing more for this stop: no reason to wait on
            }
            return true;
        }
        if (!finals.isEmpty()) {
            finals.append(' ');
        }
        finals.append(text.trim());
        interim = "";
        interruptOnWords(finals.toString());
        if (settings.endOfTurn() == TurnSettings.EndOfTurn.STT || !userSpeaking) {
            endTurn();
        }
        return true;
    }

    private void interruptOnWords(String text) {
        if (settings.minWords() > 0 && words(text) >= settings.minWords()) {
            interruptIfBotSpeaking();
        }
    }

    private void interruptIfBotSpeaking() {
        if (botSpeaking && !bargedIn) {
            bargedIn = true;
            push(new InterruptionFrame());
        }
    }

    private void endTurn() {
        cancelWaiting();
        String text = finals.isEmpty() ? interim : finals.toString();
        boolean talkingOver = botSpeaking && !bargedIn && settings.minWords() > 0;
        finals.setLength(0);
        interim = "";
        bargedIn = false;
        if (text.isBlank() || talkingOver) {
            return; // a backchannel under the bot's speech is not a turn
        }
        transcript.record(TranscriptEntry.user(text));
        push(new UserTurnFrame(text));
    }

    private void cancelWaiting() {
        if (waiting != null) {
            waiting.cancel();
            waiting = null;
        }
    }

    private static int words(String text) {
        String trimmed = text.trim();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
