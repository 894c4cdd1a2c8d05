package dev.switchboard.agent.tools;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.Contact;
import dev.switchboard.tenant.TenantDefinition;
import java.util.UUID;

/** What the server knows about the call, never taken from the model: tenant, conversation, verified customer. */
public record ToolContext(TenantDefinition tenant, UUID conversationId, UUID turnId, Contact contact, Channel channel,
                          String language) {

    public ToolContext withContact(Contact value) {
        return new ToolContext(tenant, conversationId, turnId, value, channel, language);
    }
}
