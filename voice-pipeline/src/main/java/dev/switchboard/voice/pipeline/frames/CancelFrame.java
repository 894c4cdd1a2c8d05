package dev.switchboard.voice.pipeline.frames;

/** Stops the pipeline at once, dropping whatever is queued (the far end hung up, or a fatal error). */
public record CancelFrame(String reason) implements SystemFrame {}
