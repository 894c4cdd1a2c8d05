package dev.switchboard.conversation;

import java.util.Locale;

/**
 * Who a message is from. TOOL rows record a tool call with its arguments and outcome; NOTE rows are private
 * notes between agents and are never delivered to the customer.
 */
public enum MessageRole {
    CUSTOMER, AI, HUMAN, TOOL, SYSTEM, NOTE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageRole fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Whether a message of this role goes out to the customer on the channel. */
    public boolean deliverable() {
        return this == AI || this == HUMAN;
    }
}
