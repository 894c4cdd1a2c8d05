package dev.switchboard.conversation;

import java.util.Locale;

/** Who answers the customer: the AI agent, or the human agent who took the conversation. */
public enum Owner {
    AI, HUMAN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Owner fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
