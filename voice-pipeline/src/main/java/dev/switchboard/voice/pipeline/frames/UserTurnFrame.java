package dev.switchboard.voice.pipeline.frames;

/**
 * What the caller said in one complete turn, asking the LLM stage to answer. A control frame on purpose: a turn
 * that has ended must reach the LLM even if the caller starts speaking again at once.
 */
public record UserTurnFrame(String text) implements ControlFrame {
}
