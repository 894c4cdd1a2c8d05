package dev.switchboard.conversation.store;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.MessageAppended;
import dev.switchboard.conversation.MessageChanged;
import dev.switchboard.conversation.MessageReceived;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.conversation.Messages;
import dev.switchboard.conversation.NewMessage;
import dev.switchboard.conversation.Owner;
import dev.switchboard.shared.NotFound;
import dev.switchboard.shared.TenantScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sequence numbers come from the conversation row ({@code next_seq}), whose update also locks it: appends to
 * one conversation are serialised and numbered without gaps, appends to different conversations run freely.
 */
@Repository
@Transactional
class JdbcMessages implements Messages {

    private static final String COLUMNS = """
            tenant_id, conversation_id, seq, id, role, kind, text, content::text as content, author_id, channel,
            provider_message_id, turn_id, delivery_status, created_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    JdbcMessages(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    @Override
    public Message append(UUID conversationId, NewMessage message) {
        record Slot(long seq, String channel, String owner) {
        }
        Slot slot = jdbc.sql("""
                update conversations set next_seq = next_seq + 1, last_message_at = now()
                 where id = :id returning next_seq - 1 as seq, channel, owner""")
                .param("id", conversationId)
                .query((rs, n) -> new Slot(rs.getLong("seq"), rs.getString("channel"), rs.getString("owner")))
                .optional().orElseThrow(() -> new NotFound("conversation"));
        UUID id = UUID.randomUUID();
        UUID tenant = TenantScope.requireTenant();
        java.time.Instant createdAt = jdbc.sql("""
                insert into messages (tenant_id, conversation_id, seq, id, role, kind, text, content, author_id, channel,
                                      provider_message_id, turn_id, delivery_status)
                values (:tenant, :conversation, :seq, :id, :role, :kind, :text, cast(:content as jsonb), :author,
                        :channel, :provider, :turn, :delivery)
                returning created_at""")
                .param("tenant", tenant).param("conversation", conversationId).param("seq", slot.seq())
                .param("id", id).param("role", message.role().wireName()).param("kind", message.kind())
                .param("text", message.text()).param("content", json.writeValueAsString(message.content()))
                .param("author", message.authorId()).param("channel", slot.channel())
                .param("provider", message.providerMessageId()).param("turn", message.turnId())
                .param("delivery", message.role().deliverable() ? "queued" : null)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
        Channel channel = Channel.fromWire(slot.channel());
        events.publishEvent(new MessageAppended(tenant, conversationId, id, slot.seq(), message.role(), channel));
        if (message.role() == MessageRole.CUSTOMER) {
            events.publishEvent(new MessageReceived(tenant, conversationId, id, slot.seq(), channel, Owner.fromWire(slot.owner())));
        }
        // What was inserted, without reading it back (a copy of the content: the caller's node stays its own).
        return new Message(tenant, conversationId, slot.seq(), id, message.role(), message.kind(), message.text(),
                message.content() == null ? json.nullNode() : message.content().deepCopy(), message.authorId(), channel,
                message.providerMessageId(), message.turnId(), message.role().deliverable() ? "queued" : null, createdAt);
    }

    @Override
    public Optional<Message> appendInbound(UUID conversationId, NewMessage message) {
        if (message.providerMessageId() == null) {
            return Optional.of(append(conversationId, message));
        }
        // Concurrent redeliveries of one provider message wait here for each other; the first stores it and
        // the others then see it and change nothing (the check below is a statement of its own, so its snapshot
        // is taken after the lock).
        String channel = jdbc.sql("""
                select channel, pg_advisory_xact_lock(hashtextextended(
                           cast(tenant_id as text) || '|' || channel || '|' || :provider, 13))
                  from conversations where id = :id""")
                .param("id", conversationId).param("provider", message.providerMessageId())
                .query((rs, n) -> rs.getString("channel")).optional().orElseThrow(() -> new NotFound("conversation"));
        boolean seen = jdbc.sql("""
                select exists (select 1 from messages where channel = :channel and provider_message_id = :provider
                                 and role = 'customer')""")
                .param("channel", channel).param("provider", message.providerMessageId()).query(Boolean.class).single();
        return seen ? Optional.empty() : Optional.of(append(conversationId, message));
    }

    @Override
    public Message update(UUID messageId, String text, JsonNode content) {
        int rows = jdbc.sql("""
                update messages set text = :text, content = cast(:content as jsonb), updated_at = now() where id = :id""")
                .param("text", text).param("content", json.writeValueAsString(content)).param("id", messageId).update();
        if (rows == 0) {
            throw new NotFound("message");
        }
        Message updated = find(messageId).orElseThrow();
        events.publishEvent(new MessageChanged(updated.tenantId(), updated.conversationId(), messageId));
        return updated;
    }

    @Override
    public void recordDelivery(UUID messageId, String providerMessageId, String status, JsonNode error) {
        jdbc.sql("""
                update messages set delivery_status = :status,
                       provider_message_id = coalesce(provider_message_id, :provider),
                       delivery_error = case when :status = 'failed' then cast(:error as jsonb) else delivery_error end,
                       updated_at = now()
                 where id = :id and (case :status when 'queued' then 0 when 'sent' then 1 when 'failed' then 2
                                                 when 'delivered' then 3 when 'read' then 4 end)
                                  > (case coalesce(delivery_status, 'queued') when 'queued' then 0 when 'sent' then 1
                                          when 'failed' then 2 when 'delivered' then 3 when 'read' then 4 end)""")
                .param("status", status).param("provider", providerMessageId)
                .param("error", error == null ? null : json.writeValueAsString(error)).param("id", messageId).update();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Message> find(UUID messageId) {
        return jdbc.sql("select " + COLUMNS + " from messages where id = :id").param("id", messageId)
                .query(this::map).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Message> findInbound(Channel channel, String providerMessageId) {
        return jdbc.sql("select " + COLUMNS
                        + " from messages where channel = :channel and provider_message_id = :p and role = 'customer'")
                .param("channel", channel.wireName()).param("p", providerMessageId).query(this::map).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Message> findOutbound(String providerMessageId) {
        return jdbc.sql("select " + COLUMNS + " from messages where provider_message_id = :p and role <> 'customer'")
                .param("p", providerMessageId).query(this::map).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Message> after(UUID conversationId, long afterSeq, int limit) {
        return jdbc.sql("select " + COLUMNS + " from messages where conversation_id = :c and seq > :after order by seq limit :limit")
                .param("c", conversationId).param("after", afterSeq).param("limit", Math.clamp(limit, 1, 1000))
                .query(this::map).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Message> latest(UUID conversationId, int limit) {
        List<Message> newestFirst = jdbc.sql("select " + COLUMNS
                        + " from messages where conversation_id = :c order by seq desc limit :limit")
                .param("c", conversationId).param("limit", Math.clamp(limit, 1, 1000)).query(this::map).list();
        return newestFirst.reversed();
    }

    private Message map(ResultSet rs, int n) throws SQLException {
        return new Message(rs.getObject("tenant_id", UUID.class), rs.getObject("conversation_id", UUID.class),
                rs.getLong("seq"), rs.getObject("id", UUID.class), MessageRole.fromWire(rs.getString("role")),
                rs.getString("kind"), rs.getString("text"), json.readTree(rs.getString("content")),
                rs.getObject("author_id", UUID.class), Channel.fromWire(rs.getString("channel")),
                rs.getString("provider_message_id"), rs.getObject("turn_id", UUID.class),
                rs.getString("delivery_status"), rs.getTimestamp("created_at").toInstant());
    }
}
