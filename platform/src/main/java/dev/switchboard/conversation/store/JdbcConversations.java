package dev.switchboard.conversation.store;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.Contact;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationChanged;
import dev.switchboard.conversation.ConversationClosed;
import dev.switchboard.conversation.ConversationOpened;
import dev.switchboard.conversation.ConversationStatus;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.HandoffRequested;
import dev.switchboard.conversation.Owner;
import dev.switchboard.shared.Conflict;
import dev.switchboard.shared.InvalidRequest;
import dev.switchboard.shared.NotFound;
import dev.switchboard.shared.TenantScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * State changes are single conditional UPDATEs: the WHERE clause states what must still be true, so of two
 * concurrent changes exactly one matches a row and the other is told it lost.
 */
@Repository
@Transactional
class JdbcConversations implements Conversations {

    static final String COLUMNS = """
            tenant_id, id, contact_id, channel, channel_address, status, owner, assignee_id, handoff_reason, brain,
            language, opened_at, last_message_at, closed_at, close_reason, csat""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    JdbcConversations(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public Conversation get(UUID conversationId) {
        return find(conversationId).orElseThrow(() -> new NotFound("conversation"));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Conversation> find(UUID conversationId) {
        return jdbc.sql("select " + COLUMNS + " from conversations where id = :id").param("id", conversationId)
                .query(JdbcConversations::map).optional();
    }

    @Override
    public Opened openFor(Contact contact, Channel channel, String address, Duration sessionExpiry) {
        // Most messages continue a live conversation: found without a lock. Opening one is serialised per contact
        // and channel (and looked for again under the lock), so a burst of first messages opens one, not two.
        Optional<Conversation> open = live(contact, channel, sessionExpiry);
        if (open.isPresent()) {
            return new Opened(open.get(), false);
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 11))")
                .param("key", contact.id() + "|" + channel.wireName()).query((rs, n) -> 1).single();
        Optional<Conversation> latest = openConversation(contact, channel);
        if (latest.isPresent()) {
            if (!expired(latest.get(), sessionExpiry)) {
                return new Opened(latest.get(), false);
            }
            close(latest.get().id(), "session_expired");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into conversations (tenant_id, id, contact_id, channel, channel_address, language)
                values (:tenant, :id, :contact, :channel, :address, :language)""")
                .param("tenant", TenantScope.requireTenant()).param("id", id).param("contact", contact.id())
                .param("channel", channel.wireName()).param("address", address).param("language", contact.language())
                .update();
        events.publishEvent(new ConversationOpened(TenantScope.requireTenant(), id, contact.id(), channel));
        return new Opened(get(id), true);
    }

    /** The contact's open conversation on the channel, unless its session expired (a human's never does). */
    private Optional<Conversation> live(Contact contact, Channel channel, Duration sessionExpiry) {
        return openConversation(contact, channel).filter(c -> !expired(c, sessionExpiry));
    }

    private Optional<Conversation> openConversation(Contact contact, Channel channel) {
        return jdbc.sql("select " + COLUMNS + " " + """
                 from conversations where contact_id = :contact and channel = :channel and status <> 'closed'
                 order by last_message_at desc limit 1""")
                .param("contact", contact.id()).param("channel", channel.wireName())
                .query(JdbcConversations::map).optional();
    }

    private static boolean expired(Conversation conversation, Duration sessionExpiry) {
        return conversation.owner() != Owner.HUMAN && conversation.lastMessageAt().plus(sessionExpiry).isBefore(Instant.now());
    }

    @Override
    public Conversation requestHandoff(UUID conversationId, String reason) {
        Conversation c = change(conversationId, """
                update conversations set status = 'pending', owner = 'human', handoff_reason = :reason
                 where id = :id and status = 'active'""", Map.of("reason", reason), "handoff_requested", reason,
                "only a conversation the AI is handling can be handed off");
        events.publishEvent(new HandoffRequested(c.tenantId(), c.id(), c.channel(), reason));
        return c;
    }

    @Override
    public Conversation assign(UUID conversationId, UUID userId) {
        return change(conversationId, """
                update conversations set assignee_id = :user
                 where id = :id and status = 'pending' and assignee_id is null""",
                Map.of("user", userId), "assigned", null, "the conversation no longer waits in the queue");
    }

    @Override
    public Conversation unassign(UUID conversationId, UUID userId, String reason) {
        return change(conversationId, """
                update conversations set assignee_id = null
                 where id = :id and status = 'pending' and assignee_id = :user""",
                Map.of("user", userId), "unassigned", reason, "the offer was taken or changed meanwhile");
    }

    @Override
    public Conversation take(UUID conversationId, UUID userId) {
        return change(conversationId, """
                update conversations set status = 'human', owner = 'human', assignee_id = :user
                 where id = :id and status <> 'closed' and (assignee_id is null or assignee_id = :user)""",
                Map.of("user", userId), "taken", null, "another agent already holds this conversation");
    }

    @Override
    public Conversation reassign(UUID conversationId, UUID fromUserId, UUID toUserId) {
        Map<String, Object> params = new HashMap<>();
        params.put("user", toUserId);
        params.put("from", fromUserId);
        return change(conversationId, """
                update conversations set status = 'human', owner = 'human', assignee_id = :user
                 where id = :id and status <> 'closed'
                   and (cast(:from as uuid) is null or assignee_id = cast(:from as uuid))""",
                params, "reassigned", null, "the conversation changed hands meanwhile");
    }

    @Override
    public Conversation returnToAi(UUID conversationId) {
        return change(conversationId, """
                update conversations set status = 'active', owner = 'ai', assignee_id = null, handoff_reason = null
                 where id = :id and status in ('pending', 'human')""", Map.of(), "returned_to_ai", null,
                "only a conversation waiting for or held by a human can go back to the AI");
    }

    @Override
    public Conversation close(UUID conversationId, String reason) {
        Conversation c = change(conversationId, """
                update conversations set status = 'closed', closed_at = now(), close_reason = :reason
                 where id = :id and status <> 'closed'""", Map.of("reason", reason), "closed", reason,
                "the conversation is already closed");
        events.publishEvent(new ConversationClosed(c.tenantId(), c.id(), c.channel(), reason));
        return c;
    }

    @Override
    public Conversation rate(UUID conversationId, int csat) {
        if (csat < 1 || csat > 5) {
            throw InvalidRequest.field("rating", "must be between 1 and 5");
        }
        return change(conversationId, "update conversations set csat = :csat where id = :id and csat is null",
                Map.of("csat", csat), "rated", null, "this conversation was already rated");
    }

    @Override
    public void markAnsweredBy(UUID conversationId, String brain, String language) {
        jdbc.sql("""
                update conversations set brain = :brain, language = coalesce(:language, language)
                 where id = :id and (brain is distinct from :brain or language is distinct from coalesce(:language, language))""")
                .param("brain", brain).param("language", language).param("id", conversationId).update();
    }

    private Conversation change(UUID id, String sql, Map<String, Object> params, String change, String reason,
                                String conflict) {
        Conversation before = get(id);
        var statement = jdbc.sql(sql).param("id", id);
        for (Map.Entry<String, Object> p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        if (statement.update() == 0) {
            throw new Conflict("conversation_state", conflict + " (now " + before.status().wireName() + ")");
        }
        Conversation after = get(id);
        events.publishEvent(new ConversationChanged(after.tenantId(), id, change, after.status(), after.owner(),
                after.assigneeId(), reason));
        return after;
    }

    static Conversation map(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        int csat = rs.getInt("csat");
        Integer rating = rs.wasNull() ? null : csat;
        return new Conversation(rs.getObject("tenant_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("contact_id", UUID.class), Channel.fromWire(rs.getString("channel")),
                rs.getString("channel_address"), ConversationStatus.fromWire(rs.getString("status")),
                Owner.fromWire(rs.getString("owner")), rs.getObject("assignee_id", UUID.class),
                rs.getString("handoff_reason"), rs.getString("brain"), rs.getString("language"),
                rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("last_message_at").toInstant(),
                closed == null ? null : closed.toInstant(), rs.getString("close_reason"), rating);
    }
}
