package dev.switchboard.voice.pipeline.frames;

/** The agent started running a tool; interruptions may be suspended until it finishes. */
public record ToolCallStartedFrame(String id, String name) implements SystemFrame {}
