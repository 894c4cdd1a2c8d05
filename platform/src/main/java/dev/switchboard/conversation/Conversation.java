package dev.switchboard.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * One conversation on one channel. {@code channelAddress} is where replies go (visitor id, wa_id, phone).
 * {@code brain} says which agent answered last: {@code llm} or the offline {@code flow}.
 */
public record Conversation(UUID tenantId, UUID id, UUID contactId, Channel channel, String channelAddress,
                           ConversationStatus status, Owner owner, UUID assigneeId, String handoffReason,
                           String brain, String language, Instant openedAt, Instant lastMessageAt,
                           Instant closedAt, String closeReason, Integer csat) {

    public boolean closed() {
        return status == ConversationStatus.CLOSED;
    }
}
