package dev.switchboard.voice.pipeline.pipeline;

/** Frames flow downstream, from the caller's audio towards the bot's reply; errors and feedback flow upstream. */
public enum Direction {
    DOWNSTREAM, UPSTREAM
}
