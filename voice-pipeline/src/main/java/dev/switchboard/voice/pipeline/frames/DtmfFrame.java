package dev.switchboard.voice.pipeline.frames;

/** A key the caller pressed on the phone's keypad. */
public record DtmfFrame(char digit) implements SystemFrame {}
