package dev.switchboard.workspace.inbox;

import dev.switchboard.identity.Member;
import dev.switchboard.identity.Members;
import dev.switchboard.shared.TenantScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the conversation module's tables for the workspace (a read model: the conversation API has no list or
 * search, and lists are the workspace's concern). Runs in the caller's tenant scope, so row-level security
 * confines every query to that tenant. The WHERE clause is assembled from constant fragments chosen by the
 * validated {@link InboxFilter}; every value is a bound parameter.
 */
@Repository
@Transactional(readOnly = true)
public class Inbox {

    private static final String SUMMARY = """
            select c.id, c.channel, c.status, c.owner, c.assignee_id, c.handoff_reason, c.language, c.opened_at,
                   c.last_message_at, c.closed_at, c.close_reason, c.csat, c.contact_id,
                   coalesce(ct.customer_name, ct.display_name) as contact_name,
                   lm.role as last_role, lm.text as last_text, lm.created_at as last_at
              from conversations c
              join contacts ct on ct.tenant_id = c.tenant_id and ct.id = c.contact_id
              left join lateral (select m.role, m.text, m.created_at from messages m
                                  where m.tenant_id = c.tenant_id and m.conversation_id = c.id
                                    and m.role not in ('tool', 'system')
                                  order by m.seq desc limit 1) lm on true
            """;

    private static final String MESSAGE = """
            select id, conversation_id, seq, role, kind, text, content::text as content, author_id, delivery_status,
                   created_at from messages""";

    private final JdbcClient jdbc;
    private final Members members;
    private final JsonMapper json;

    Inbox(JdbcClient jdbc, Members members, JsonMapper json) {
        this.jdbc = jdbc;
        this.members = members;
        this.json = json;
    }

    public Page<ConversationSummary> list(InboxFilter filter, UUID caller) {
        StringBuilder sql = new StringBuilder(SUMMARY).append(filter.scope() == InboxFilter.Scope.ACTIVE
                ? " where c.status <> 'closed'" : " where c.status = 'closed'");
        Map<String, Object> params = new HashMap<>();
        switch (filter.view()) {
            case MINE -> {
                sql.append(" and c.assignee_id = :me");
                params.put("me", caller);
            }
            case UNASSIGNED -> sql.append(" and c.owner = 'human' and c.assignee_id is null");
            case AI -> sql.append(" and c.owner = 'ai'");
            case ALL -> {
            }
        }
        if (filter.channel() != null) {
            sql.append(" and c.channel = :channel");
            params.put("channel", filter.channel().wireName());
        }
        filter.tsquery().ifPresent(query -> {
            sql.append("""
                     and (exists (select 1 from messages s where s.tenant_id = c.tenant_id and s.conversation_id = c.id
                                    and to_tsvector('simple', coalesce(s.text, '')) @@ to_tsquery('simple', :query))
                          or ct.display_name ilike :name or ct.customer_name ilike :name)""");
            params.put("query", query);
            params.put("name", filter.namePattern().orElseThrow());
        });
        if (filter.cursor() != null) {
            sql.append(" and (c.last_message_at, c.id) < (:cursorAt, :cursorId)");
            params.put("cursorAt", OffsetDateTime.ofInstant(filter.cursor().lastMessageAt(), ZoneOffset.UTC));
            params.put("cursorId", filter.cursor().id());
        }
        sql.append(" order by c.last_message_at desc, c.id desc limit :limit");
        params.put("limit", filter.limit() + 1);

        Map<UUID, String> names = names();
        List<ConversationSummary> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> summary(rs, names)).list();
        boolean more = rows.size() > filter.limit();
        List<ConversationSummary> items = more ? rows.subList(0, filter.limit()) : rows;
        return new Page<>(List.copyOf(items), more ? items.getLast().cursor().encode() : null);
    }

    /** How many active conversations each view holds, for the filter tabs. */
    public Map<String, Long> counts(UUID caller) {
        return jdbc.sql("""
                select count(*) as all_count,
                       count(*) filter (where c.assignee_id = :me) as mine,
                       count(*) filter (where c.owner = 'human' and c.assignee_id is null) as unassigned,
                       count(*) filter (where c.owner = 'ai') as ai
                  from conversations c where c.status <> 'closed'""")
                .param("me", caller)
                .query((rs, n) -> Map.of("all", rs.getLong("all_count"), "mine", rs.getLong("mine"),
                        "unassigned", rs.getLong("unassigned"), "ai", rs.getLong("ai")))
                .single();
    }

    public Optional<ConversationSummary> summary(UUID conversationId) {
        Map<UUID, String> names = names();
        return jdbc.sql(SUMMARY + " where c.id = :id").param("id", conversationId)
                .query((rs, n) -> summary(rs, names)).optional();
    }

    public Optional<ContactCard> contactOf(UUID conversationId) {
        return jdbc.sql("""
                select ct.id, ct.display_name, ct.customer_name, ct.customer_ref, ct.verified_at, ct.language,
                       ct.created_at, c.channel_address
                  from conversations c join contacts ct on ct.tenant_id = c.tenant_id and ct.id = c.contact_id
                 where c.id = :id""")
                .param("id", conversationId)
                .query((rs, n) -> new ContactCard(rs.getObject("id", UUID.class), rs.getString("display_name"),
                        rs.getString("customer_name"), rs.getString("customer_ref"), instant(rs, "verified_at"),
                        rs.getString("language"), rs.getString("channel_address"), instant(rs, "created_at")))
                .optional();
    }

    /** The newest {@code limit} messages before {@code beforeSeq} (or the newest of all), oldest first. */
    public Page<MessageView> messages(UUID conversationId, Long beforeSeq, int limit) {
        Map<UUID, String> names = names();
        List<MessageView> newestFirst = jdbc.sql(MESSAGE + " " + """
                 where conversation_id = :c and (cast(:before as bigint) is null or seq < :before)
                 order by seq desc limit :limit""")
                .param("c", conversationId).param("before", beforeSeq).param("limit", limit + 1)
                .query((rs, n) -> message(rs, names)).list();
        boolean more = newestFirst.size() > limit;
        List<MessageView> items = (more ? newestFirst.subList(0, limit) : newestFirst).reversed();
        return new Page<>(List.copyOf(items), more ? String.valueOf(items.getFirst().seq()) : null);
    }

    public Optional<MessageView> message(UUID messageId) {
        Map<UUID, String> names = names();
        return jdbc.sql(MESSAGE + " where id = :id").param("id", messageId).query((rs, n) -> message(rs, names))
                .optional();
    }

    /** Display names of the tenant's members, read once per request. */
    public Map<UUID, String> names() {
        return members.of(TenantScope.requireTenant()).stream()
                .collect(Collectors.toMap(Member::userId, Member::displayName, (a, b) -> a));
    }

    private ConversationSummary summary(ResultSet rs, Map<UUID, String> names) throws SQLException {
        String lastRole = rs.getString("last_role");
        return new ConversationSummary(rs.getObject("id", UUID.class), rs.getString("channel"), rs.getString("status"),
                rs.getString("owner"), person(rs.getObject("assignee_id", UUID.class), names),
                rs.getString("handoff_reason"), rs.getString("language"), rs.getObject("contact_id", UUID.class),
                rs.getString("contact_name"),
                lastRole == null ? null : new ConversationSummary.LastMessage(lastRole, rs.getString("last_text"),
                        instant(rs, "last_at")),
                instant(rs, "opened_at"), instant(rs, "last_message_at"), instant(rs, "closed_at"),
                rs.getString("close_reason"), (Integer) rs.getObject("csat", Integer.class));
    }

    private MessageView message(ResultSet rs, Map<UUID, String> names) throws SQLException {
        return new MessageView(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
                rs.getLong("seq"), rs.getString("role"), rs.getString("kind"), rs.getString("text"),
                json.readTree(rs.getString("content")), person(rs.getObject("author_id", UUID.class), names),
                rs.getString("delivery_status"), instant(rs, "created_at"));
    }

    static Person person(UUID id, Map<UUID, String> names) {
        return id == null ? null : new Person(id, names.get(id));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
