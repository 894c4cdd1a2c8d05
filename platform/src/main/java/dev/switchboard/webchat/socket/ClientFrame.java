package dev.switchboard.webchat.socket;

import java.util.UUID;

/** What a widget may send (protocol {@code webchat.v1}); see {@link ClientFrames} for the JSON shapes. */
sealed interface ClientFrame {

    /** First frame of a connection: which conversation the widget shows and the last seq it has of it. */
    record Hello(UUID conversationId, long lastSeq, String language) implements ClientFrame {
    }

    /** A visitor message; {@code id} is the widget's own id for it, so a resend after a reconnect is recognised. */
    record Say(String id, String text) implements ClientFrame {
    }

    record Typing(boolean active) implements ClientFrame {
    }

    record Rate(UUID conversationId, int score) implements ClientFrame {
    }

    /** The visitor ends the conversation (the widget then asks for a rating). */
    record End() implements ClientFrame {
    }

    record Ping() implements ClientFrame {
    }
}
