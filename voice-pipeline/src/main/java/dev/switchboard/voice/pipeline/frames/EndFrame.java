package dev.switchboard.voice.pipeline.frames;

/** Ends the pipeline after everything queued before it has been processed; the transport hangs up. */
public record EndFrame(String reason) implements ControlFrame {}
