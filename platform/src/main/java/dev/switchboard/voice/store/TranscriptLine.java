package dev.switchboard.voice.store;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One line of a call's transcript; {@code detail} holds a tool call's arguments and result. */
public record TranscriptLine(int seq, String role, String text, boolean interrupted, JsonNode detail, Instant at) {
}
