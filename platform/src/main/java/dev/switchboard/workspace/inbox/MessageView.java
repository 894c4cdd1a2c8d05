package dev.switchboard.workspace.inbox;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A message as agents see it: customer, AI, human, tool call (its content holds the name, arguments, status and
 * result), system event, or private note (never delivered to the customer).
 *
 * @param author the human who wrote a human reply or a note; null otherwise
 */
public record MessageView(UUID id, UUID conversationId, long seq, String role, String kind, String text,
                          JsonNode content, Person author, String deliveryStatus, Instant createdAt) {
}
