package dev.switchboard.voice.pipeline.processors;

import java.time.Duration;

/**
 * How a user turn ends and when the caller may interrupt the bot.
 *
 * <p>{@code endOfTurn} says whose signal ends the turn: {@link EndOfTurn#VAD} ends it when the voice activity
 * detector heard the caller stop and a transcription is in; {@link EndOfTurn#STT} ends it when the recogniser's own
 * endpointing delivers a transcription. Either way, after the VAD's stop the turn waits at most {@code maxWait} for
 * the missing signal and then ends with what it has. An empty transcription after the stop is the recogniser saying
 * it heard no words: the turn ends at once with what it has (an in-process recogniser answers every stop so, and may
 * be given a long {@code maxWait}: its answer is certain, only late on a busy machine).
 *
 * <p>{@code interruptibleGreeting} and {@code interruptibleToolCalls} allow barge-in during the first thing the bot
 * says and while a tool runs; when not allowed, the caller's speech is ignored for that time. {@code minWords}
 * above zero makes a barge-in wait for that many transcribed words, so a cough or an "uh-huh" does not cut the bot.
 */
public record TurnSettings(EndOfTurn endOfTurn, Duration maxWait, boolean interruptibleGreeting,
                           boolean interruptibleToolCalls, int minWords) {

    public enum EndOfTurn { VAD, STT }

    public static final TurnSettings DEFAULTS = new TurnSettings(EndOfTurn.VAD, Duration.ofMillis(1500), false, false, 0);

    public TurnSettings withMaxWait(Duration wait) {
        return new TurnSettings(endOfTurn, wait, interruptibleGreeting, interruptibleToolCalls, minWords);
    }

    public TurnSettings withMinWords(int words) {
        return new TurnSettings(endOfTurn, maxWait, interruptibleGreeting, interruptibleToolCalls, words);
    }

    public TurnSettings withEndOfTurn(EndOfTurn source) {
        return new TurnSettings(source, maxWait, interruptibleGreeting, interruptibleToolCalls, minWords);
    }

    public TurnSettings withInterruptions(boolean duringGreeting, boolean duringToolCalls) {
        return new TurnSettings(endOfTurn, maxWait, duringGreeting, duringToolCalls, minWords);
    }
}
