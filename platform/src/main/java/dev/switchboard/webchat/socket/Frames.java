package dev.switchboard.webchat.socket;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.webchat.render.ReplyText;
import dev.switchboard.webchat.site.Site;
import dev.switchboard.webchat.site.Sites;
import dev.switchboard.webchat.visitor.Visitor;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the server's frames (protocol {@code webchat.v1}), each one JSON object with a {@code type}: welcome,
 * message, delta, typing, ack, status, closed, rated, error, pong. Replies are cleaned here, once per message,
 * with the tenant's current link hosts.
 */
@Component
class Frames {

    private final JsonMapper json;
    private final Sites sites;

    Frames(JsonMapper json, Sites sites) {
        this.json = json;
        this.sites = sites;
    }

    /** Only what the visitor and their agents said is shown; tool calls, notes and system rows never are. */
    static boolean visible(Message message) {
        return message.role() == MessageRole.CUSTOMER || message.role().deliverable();
    }

    String welcome(Visitor visitor, Conversation conversation) {
        ObjectNode frame = frame("welcome").put("protocol", "webchat.v1").put("visitorId", visitor.id());
        if (conversation != null) {
            frame.put("conversationId", conversation.id().toString()).put("status", conversation.status().wireName())
                    .put("rated", conversation.csat() != null);
        }
        return write(frame);
    }

    String message(Message message, Visitor visitor) {
        boolean reply = message.role().deliverable();
        String text = reply ? ReplyText.clean(message.text(), linkHosts(message.tenantId())) : nullToEmpty(message.text());
        ObjectNode frame = frame("message").put("conversationId", message.conversationId().toString())
                .put("seq", message.seq()).put("id", message.id().toString()).put("role", message.role().wireName())
                .put("text", text).put("at", message.createdAt().toString());
        if (message.turnId() != null) {
            frame.put("turnId", message.turnId().toString());
        }
        String clientId = message.role() == MessageRole.CUSTOMER ? visitor.clientMessageId(message.providerMessageId()) : null;
        if (clientId != null) {
            frame.put("clientId", clientId);
        }
        if (message.role() == MessageRole.HUMAN) {
            frame.put("author", message.content().path("authorName").stringValue(""));
        }
        return write(frame);
    }

    String delta(UUID conversationId, UUID turnId, int offset, String text) {
        return write(frame("delta").put("conversationId", conversationId.toString()).put("turnId", turnId.toString())
                .put("offset", offset).put("text", text));
    }

    String typing(UUID conversationId, String role, boolean active) {
        return write(frame("typing").put("conversationId", conversationId.toString()).put("role", role).put("active", active));
    }

    String ack(String clientId, Message stored, boolean duplicate) {
        return write(frame("ack").put("id", clientId).put("conversationId", stored.conversationId().toString())
                .put("seq", stored.seq()).put("duplicate", duplicate));
    }

    String status(Conversation conversation) {
        return write(frame("status").put("conversationId", conversation.id().toString())
                .put("status", conversation.status().wireName()).put("owner", conversation.owner().wireName()));
    }

    String closed(UUID conversationId, String reason) {
        return write(frame("closed").put("conversationId", conversationId.toString()).put("reason", reason));
    }

    String rated(UUID conversationId, int score) {
        return write(frame("rated").put("conversationId", conversationId.toString()).put("score", score));
    }

    String error(String code, String message, String clientId) {
        ObjectNode frame = frame("error").put("code", code).put("message", message);
        if (clientId != null) {
            frame.put("id", clientId);
        }
        return write(frame);
    }

    String rateLimited(String clientId, Duration retryAfter) {
        ObjectNode frame = frame("error").put("code", "rate_limited")
                .put("message", "too many messages; wait a moment").put("retryAfterMs", Math.max(1, retryAfter.toMillis()));
        if (clientId != null) {
            frame.put("id", clientId);
        }
        return write(frame);
    }

    /** The platform is saturated and did not take the frame; the widget may send it again after {@code retryAfter}. */
    String busy(String clientId, Duration retryAfter) {
        ObjectNode frame = frame("error").put("code", "busy")
                .put("message", "we are very busy; your message was not taken, please send it again")
                .put("retryAfterMs", Math.max(1, retryAfter.toMillis()));
        if (clientId != null) {
            frame.put("id", clientId);
        }
        return write(frame);
    }

    String tooLarge(String clientId, int limit) {
        return write(frame("error").put("code", "message_too_large").put("id", clientId).put("limit", limit)
                .put("message", "a message may have at most " + limit + " characters"));
    }

    String pong() {
        return write(frame("pong"));
    }

    private List<String> linkHosts(UUID tenantId) {
        return sites.find(tenantId).map(Site::linkHosts).orElse(List.of());
    }

    private ObjectNode frame(String type) {
        return json.createObjectNode().put("type", type);
    }

    private String write(ObjectNode frame) {
        return json.writeValueAsString(frame);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
