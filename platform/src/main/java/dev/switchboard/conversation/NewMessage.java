package dev.switchboard.conversation;

import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** A message about to be appended. Use the factories for the common shapes. */
public record NewMessage(MessageRole role, String kind, String text, JsonNode content, UUID authorId,
                         String providerMessageId, UUID turnId) {

    public NewMessage {
        content = content == null ? JsonNodeFactory.instance.objectNode() : content;
        kind = kind == null ? "text" : kind;
    }

    public static NewMessage text(MessageRole role, String text) {
        return new NewMessage(role, "text", text, null, null, null, null);
    }

    /**
     * A human agent's reply. The name the customer sees travels in {@code content.authorName}, so channels can
     * show who wrote without reaching into the identity module.
     */
    public static NewMessage fromHuman(UUID authorId, String authorName, String text) {
        return new NewMessage(MessageRole.HUMAN, "text", text,
                JsonNodeFactory.instance.objectNode().put("authorName", authorName), authorId, null, null);
    }

    public NewMessage withTurn(UUID turn) {
        return new NewMessage(role, kind, text, content, authorId, providerMessageId, turn);
    }

    public NewMessage withAuthor(UUID author) {
        return new NewMessage(role, kind, text, content, author, providerMessageId, turnId);
    }

    public NewMessage withProviderId(String providerId) {
        return new NewMessage(role, kind, text, content, authorId, providerId, turnId);
    }
}
