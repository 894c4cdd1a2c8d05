package dev.switchboard.agent.graph;

import dev.switchboard.agent.TurnListener;
import dev.switchboard.agent.llm.Cancellation;
import dev.switchboard.conversation.Contact;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.tenant.EffectiveConfiguration;
import dev.switchboard.tenant.TenantDefinition;

/** What every step of one turn needs; built when the turn starts or resumes. */
record TurnContext(TenantDefinition tenant, EffectiveConfiguration config, Conversation conversation, Contact contact,
                   TurnRow turn, String language, String customerText, TurnListener listener,
                   Cancellation cancellation, long startedNanos) {

    TurnContext withTurn(TurnRow value) {
        return new TurnContext(tenant, config, conversation, contact, value, language, customerText, listener,
                cancellation, startedNanos);
    }

    TurnContext withContact(Contact value) {
        return new TurnContext(tenant, config, conversation, value, turn, language, customerText, listener,
                cancellation, startedNanos);
    }
}
