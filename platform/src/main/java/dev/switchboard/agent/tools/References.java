package dev.switchboard.agent.tools;

import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Ids handed out to a conversation for one verified customer, by kind (see a tool's {@code references}). */
@Repository
@Transactional
class References {

    private final JdbcClient jdbc;

    References(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID tenantId, UUID conversationId, String customerRef, String kind, Collection<String> values, UUID messageId) {
        for (String value : values) {
            jdbc.sql("""
                    insert into agent_references (tenant_id, conversation_id, customer_ref, kind, value, tool_message_id)
                    values (:tenant, :conversation, :customer, :kind, :value, :message) on conflict do nothing""")
                    .param("tenant", tenantId).param("conversation", conversationId).param("customer", customerRef)
                    .param("kind", kind).param("value", value).param("message", messageId).update();
        }
    }

    @Transactional(readOnly = true)
    boolean handedOut(UUID conversationId, String customerRef, String kind, String value) {
        return jdbc.sql("""
                select exists (select 1 from agent_references where conversation_id = :conversation
                                 and customer_ref = :customer and kind = :kind and value = :value)""")
                .param("conversation", conversationId).param("customer", customerRef).param("kind", kind)
                .param("value", value).query(Boolean.class).single();
    }
}
