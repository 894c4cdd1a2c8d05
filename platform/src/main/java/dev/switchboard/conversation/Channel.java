package dev.switchboard.conversation;

import java.util.Locale;

/** Where a conversation happens. Each channel module provides a {@link ChannelSender} for its own. */
public enum Channel {
    WEBCHAT, WHATSAPP, VOICE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
