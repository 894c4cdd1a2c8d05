package dev.switchboard.workspace.live;

import java.util.UUID;

/**
 * What a NOTIFY carries: ids only, never content, so a notification can neither leak data nor go stale; the
 * receiving node reads the current state under row-level security.
 *
 * @param subject the conversation, or the user for a presence notice
 * @param message the message for {@link Kind#MESSAGE}, {@link Kind#DELIVERY} and {@link Kind#CHANGED}, else null
 */
record LiveNotice(UUID tenantId, Kind kind, UUID subject, UUID message) {

    static final String CHANNEL = "switchboard_workspace";

    enum Kind {
        /** A conversation's state changed. */
        CONVERSATION,
        /** A message was appended: the thread grows and the list's preview and order change. */
        MESSAGE,
        /** An outbound message's delivery status changed. */
        DELIVERY,
        /** A message's text or content changed in place (a tool call finished, a voicemail grew). */
        CHANGED,
        /** An agent's presence changed. */
        PRESENCE
    }

    /** {@code tenant|kind|subject|message}: about 120 bytes, far below NOTIFY's 8000-byte limit. */
    String encode() {
        return tenantId + "|" + kind.name() + "|" + subject + "|" + (message == null ? "" : message);
    }

    static LiveNotice decode(String payload) {
        String[] parts = payload.split("\\|", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a workspace notice");
        }
        return new LiveNotice(UUID.fromString(parts[0]), Kind.valueOf(parts[1]), UUID.fromString(parts[2]),
                parts[3].isEmpty() ? null : UUID.fromString(parts[3]));
    }
}
