package dev.switchboard.workspace.live;

import dev.switchboard.workspace.inbox.ConversationSummary;
import dev.switchboard.workspace.inbox.MessageView;
import java.util.List;
import java.util.UUID;

/** The messages the server sends on {@code /ws/workspace}; each serialises with its {@code type}. */
final class LiveEvents {

    private LiveEvents() {
    }

    record Ready(String type, UUID userId) {
        Ready(UUID userId) {
            this("ready", userId);
        }
    }

    record Subscribed(String type, String tenant, UUID conversation, String role) {
        Subscribed(String tenant, UUID conversation, String role) {
            this("subscribed", tenant, conversation, role);
        }
    }

    /** A refusal or a protocol problem; {@code tenant}/{@code conversation} name the subscription it concerns. */
    record Error(String type, String code, String message, String tenant, UUID conversation) {
        Error(String code, String message, String tenant, UUID conversation) {
            this("error", code, message, tenant, conversation);
        }
    }

    record ConversationEvent(String type, String tenant, ConversationSummary conversation) {
        ConversationEvent(String tenant, ConversationSummary conversation) {
            this("conversation", tenant, conversation);
        }
    }

    record MessageEvent(String type, String tenant, MessageView message) {
        MessageEvent(String tenant, MessageView message) {
            this("message", tenant, message);
        }
    }

    record PresenceEvent(String type, String tenant, List<AgentPresence> agents) {
        PresenceEvent(String tenant, List<AgentPresence> agents) {
            this("presence", tenant, agents);
        }
    }

    record AgentPresence(UUID userId, String status) {
    }

    /** Notices may have been missed (this node's LISTEN connection was interrupted): reload what is shown. */
    record Resync(String type) {
        Resync() {
            this("resync");
        }
    }

    record Pong(String type) {
        Pong() {
            this("pong");
        }
    }
}
