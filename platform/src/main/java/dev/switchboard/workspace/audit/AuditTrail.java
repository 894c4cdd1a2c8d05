package dev.switchboard.workspace.audit;

import dev.switchboard.conversation.ConversationChanged;
import dev.switchboard.shared.TenantScope;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the trail inside the transaction of the change itself (a synchronous listener), so a change and its
 * audit row commit or roll back together, whoever made the change: an agent, the AI or the session expiry. The
 * state before a change is the state after the previous one; a conversation starts active.
 */
@Component
public class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void record(ConversationChanged event) {
        String from = jdbc.sql("""
                select to_status from conversation_audit where conversation_id = :c order by id desc limit 1""")
                .param("c", event.conversationId()).query(String.class).optional().orElse("active");
        jdbc.sql("""
                insert into conversation_audit (tenant_id, conversation_id, change, from_status, to_status, owner,
                                                assignee_id, actor_id, reason)
                values (:tenant, :conversation, :change, :from, :to, :owner, :assignee, :actor, :reason)""")
                .param("tenant", event.tenantId()).param("conversation", event.conversationId())
                .param("change", event.change()).param("from", from).param("to", event.status().wireName())
                .param("owner", event.owner().wireName()).param("assignee", event.assigneeId())
                .param("actor", TenantScope.currentUser().orElse(null)).param("reason", event.reason())
                .update();
    }

    /** Oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> of(UUID conversationId) {
        return jdbc.sql("""
                select id, change, from_status, to_status, owner, assignee_id, actor_id, reason, at
                  from conversation_audit where conversation_id = :c order by id""")
                .param("c", conversationId)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getString("change"), rs.getString("from_status"),
                        rs.getString("to_status"), rs.getString("owner"), rs.getObject("assignee_id", UUID.class),
                        rs.getObject("actor_id", UUID.class), rs.getString("reason"), rs.getTimestamp("at").toInstant()))
                .list();
    }
}
