package dev.switchboard.agent.graph;

import java.time.Instant;
import java.util.UUID;

/**
 * An {@code agent_turns} row.
 *
 * @param fromSeq the customer messages this turn answers have seq in (fromSeq, lastSeq]
 */
record TurnRow(UUID tenantId, UUID id, UUID conversationId, long fromSeq, long lastSeq, String status, String brain,
               String language, int steps, int toolCalls, String handoffReason, Instant startedAt) {

    boolean running() {
        return status.equals("running");
    }
}
