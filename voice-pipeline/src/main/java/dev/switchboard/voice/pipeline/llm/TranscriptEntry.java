package dev.switchboard.voice.pipeline.llm;

import java.time.Instant;

/** One line of the call's transcript. An interrupted assistant entry holds only what the caller heard. */
public record TranscriptEntry(Role role, String text, boolean interrupted, Instant at) {

    public enum Role { USER, ASSISTANT, TOOL }

    public static TranscriptEntry user(String text) {
        return new TranscriptEntry(Role.USER, text, false, Instant.now());
    }

    public static TranscriptEntry assistant(String text, boolean interrupted) {
        return new TranscriptEntry(Role.ASSISTANT, text, interrupted, Instant.now());
    }

    public static TranscriptEntry tool(String name, boolean succeeded) {
        return new TranscriptEntry(Role.TOOL, name + (succeeded ? "" : " (failed)"), false, Instant.now());
    }
}
