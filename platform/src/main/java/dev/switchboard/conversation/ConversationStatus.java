package dev.switchboard.conversation;

import java.util.Locale;

/**
 * ACTIVE: the AI answers. PENDING: a handoff was requested and waits for a human. HUMAN: a human holds it.
 * CLOSED: ended; a new message opens a new conversation.
 */
public enum ConversationStatus {
    ACTIVE, PENDING, HUMAN, CLOSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConversationStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
