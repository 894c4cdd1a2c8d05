package dev.switchboard.voice.store;

import java.time.Instant;

/**
 * One turn's latencies in milliseconds from the moment the caller stopped speaking (null: the stage did not
 * happen). {@code firstAudioMs} is what the caller experiences: silence until the agent's first audio frame.
 */
public record TurnLatency(int turnNo, Instant callerStoppedAt, String userText, Integer endOfTurnMs, Integer sttFinalMs,
                          Integer llmFirstTokenMs, Integer ttsFirstAudioMs, Integer firstAudioMs) {
}
