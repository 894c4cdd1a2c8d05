package dev.switchboard.whatsapp.delivery;

import java.util.Optional;
import java.util.UUID;

/**
 * The {@code biz_opaque_callback_data} a conversation reply carries: our message id, echoed by Meta on each status,
 * so statuses find their message even when they overtake the send's own response.
 */
public final class CallbackData {

    private static final String PREFIX = "switchboard:message:";

    private CallbackData() {
    }

    static String forMessage(UUID messageId) {
        return PREFIX + messageId;
    }

    public static Optional<UUID> messageId(String callbackData) {
        if (callbackData == null || !callbackData.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(callbackData.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
