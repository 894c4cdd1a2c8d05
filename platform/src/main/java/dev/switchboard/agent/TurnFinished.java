package dev.switchboard.agent;

import java.util.UUID;

/**
 * A turn ended (answered, handed off, refused...). Analytics counts AI resolutions and handoff reasons from it.
 *
 * @param ending the {@link TurnOutcome.Ending} name
 * @param intent the offline flow's intent, when the flow answered and recognised one
 */
public record TurnFinished(UUID tenantId, UUID conversationId, UUID turnId, String brain, String ending,
                           String reason, String intent, int steps, int toolCalls, long durationMs) {
}
