package dev.switchboard.voice.pipeline.frames;

/**
 * Everything that travels through a pipeline. The kind of a frame, not a flag on it, decides how an interruption
 * treats it: {@link SystemFrame}s jump the queue and survive, {@link DataFrame}s are dropped, {@link ControlFrame}s
 * keep their order and survive.
 */
public sealed interface Frame permits SystemFrame, DataFrame, ControlFrame {
}
