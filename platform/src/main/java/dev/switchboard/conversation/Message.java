package dev.switchboard.conversation;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One entry of a conversation, in order ({@code seq} is gapless per conversation).
 *
 * @param kind    text, location, media, interactive_reply, interactive, tool_call, event
 * @param content structured content for the kind (a location, a media reference, the buttons offered, a tool
 *                call's name, arguments, status and result...)
 */
public record Message(UUID tenantId, UUID conversationId, long seq, UUID id, MessageRole role, String kind,
                      String text, JsonNode content, UUID authorId, Channel channel, String providerMessageId,
                      UUID turnId, String deliveryStatus, Instant createdAt) {
}
