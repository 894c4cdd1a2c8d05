package dev.switchboard.voice.pipeline.frames;

/** Sent once by the pipeline before anything else, so every processor can open its resources. */
public record StartFrame() implements SystemFrame {}
