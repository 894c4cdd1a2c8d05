package dev.switchboard.agent.graph;

import dev.switchboard.shared.TenantScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code agent_turns} table. A turn is claimed by inserting it; the partial unique index lets one turn per
 * conversation run, and an insert racing a finishing turn waits for that transaction, so no message falls between.
 */
@Repository
@Transactional
class Turns {

    private static final String COLUMNS = """
            t.tenant_id, t.id, t.conversation_id, t.last_seq, t.status, t.brain, t.language, t.steps, t.tool_calls,
            t.handoff_reason, t.started_at,
            coalesce((select max(p.last_seq) from agent_turns p where p.conversation_id = t.conversation_id
                       and p.started_at < t.started_at and p.id <> t.id), 0) as from_seq""";

    /**
     * Customer messages after the last turn's and after the last human reply: what is still unanswered. A message
     * of a kind the channel could not read ({@code unsupported}) was already answered by the channel itself.
     */
    private static final String UNANSWERED = """
            select max(m.seq) from messages m
             where m.conversation_id = :conversation and m.role = 'customer' and m.kind <> 'unsupported'
               and m.seq > coalesce((select max(last_seq) from agent_turns where conversation_id = :conversation), 0)
               and m.seq > coalesce((select max(seq) from messages where conversation_id = :conversation and role = 'human'), 0)""";

    private final JdbcClient jdbc;

    Turns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Starts a turn for every unanswered customer message, unless one is running; empty when nothing to do. Its own
     * transaction, committed on return, so the turn can start running at once on another thread.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    Optional<TurnRow> claim(UUID conversationId, String owner, Duration lease) {
        Long last = jdbc.sql(UNANSWERED).param("conversation", conversationId).query(Long.class).optional().orElse(null);
        if (last == null) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        int rows = jdbc.sql("""
                insert into agent_turns (tenant_id, id, conversation_id, last_seq, lease_owner, lease_until, started_at)
                select :tenant, :id, :conversation, :last, :owner, now() + cast(:lease as interval), clock_timestamp()
                  from conversations c where c.id = :conversation and c.status = 'active' and c.owner = 'ai'
                on conflict (tenant_id, conversation_id) where status = 'running' do nothing""")
                .param("tenant", TenantScope.requireTenant()).param("id", id).param("conversation", conversationId)
                .param("last", last).param("owner", owner).param("lease", lease.toMillis() + " milliseconds").update();
        return rows == 0 ? Optional.empty() : find(id);
    }

    /** Conversations with the AI whose customer messages no turn took for a while (a lost schedule). */
    @Transactional(readOnly = true)
    List<UUID> unanswered(int limit) {
        return jdbc.sql("""
                select c.id from conversations c
                 where c.status = 'active' and c.owner = 'ai' and c.last_message_at > now() - interval '1 day'
                   and not exists (select 1 from agent_turns t where t.conversation_id = c.id and t.status = 'running')
                   and exists (select 1 from messages m where m.conversation_id = c.id and m.role = 'customer'
                                 and m.kind <> 'unsupported'
                                 and m.created_at < now() - interval '20 seconds'
                                 and m.seq > coalesce((select max(last_seq) from agent_turns t where t.conversation_id = c.id), 0)
                                 and m.seq > coalesce((select max(seq) from messages h where h.conversation_id = c.id and h.role = 'human'), 0))
                 limit :limit""").param("limit", limit).query(UUID.class).list();
    }

    @Transactional(readOnly = true)
    Optional<TurnRow> find(UUID turnId) {
        return jdbc.sql("select " + COLUMNS + " from agent_turns t where t.id = :id").param("id", turnId)
                .query(Turns::map).optional();
    }

    @Transactional(readOnly = true)
    Optional<TurnRow> running(UUID conversationId) {
        return jdbc.sql("select " + COLUMNS + " from agent_turns t where t.conversation_id = :c and t.status = 'running'")
                .param("c", conversationId).query(Turns::map).optional();
    }

    @Transactional(readOnly = true)
    int count(UUID conversationId) {
        return jdbc.sql("select count(*) from agent_turns where conversation_id = :c and status <> 'refused'")
                .param("c", conversationId).query(Integer.class).single();
    }

    /** Takes over running turns whose lease ran out (their node died), for this node. */
    List<TurnRow> takeOverExpired(String owner, Duration lease, int limit) {
        List<UUID> ids = jdbc.sql("""
                update agent_turns set lease_owner = :owner, lease_until = now() + cast(:lease as interval)
                 where id in (select id from agent_turns where status = 'running' and lease_until < now()
                               order by lease_until limit :limit for update skip locked)
                returning id""")
                .param("owner", owner).param("lease", lease.toMillis() + " milliseconds").param("limit", limit)
                .query(UUID.class).list();
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /**
     * Extends the leases of this node's running turns, skipping a turn whose row is locked at this moment: that turn
     * is writing its progress, so it is alive, and the next heartbeat renews it long before its lease runs out.
     * Waiting for it instead held every row already renewed, and under load each running turn's next write queued
     * behind the slowest one (seen as turn updates waiting on a transaction lock every heartbeat).
     */
    void renew(Collection<UUID> turnIds, String owner, Duration lease) {
        if (!turnIds.isEmpty()) {
            jdbc.sql("""
                    update agent_turns t set lease_until = now() + cast(:lease as interval)
                      from (select tenant_id, id from agent_turns
                             where id = any(cast(:ids as uuid[])) and status = 'running' and lease_owner = :owner
                             for update skip locked) alive
                     where t.tenant_id = alive.tenant_id and t.id = alive.id""")
                    .param("lease", lease.toMillis() + " milliseconds").param("ids", turnIds.toArray(UUID[]::new))
                    .param("owner", owner).update();
        }
    }

    void progress(UUID turnId, int steps, int toolCalls, String brain, String language) {
        jdbc.sql("""
                update agent_turns set steps = :steps, tool_calls = :tools, brain = coalesce(:brain, brain),
                       language = coalesce(:language, language) where id = :id""")
                .param("steps", steps).param("tools", toolCalls).param("brain", brain).param("language", language)
                .param("id", turnId).update();
    }

    void requestHandoff(UUID turnId, String reason) {
        jdbc.sql("update agent_turns set handoff_reason = :reason where id = :id and handoff_reason is null")
                .param("reason", reason).param("id", turnId).update();
    }

    void finish(UUID turnId, String status, String outcome) {
        jdbc.sql("""
                update agent_turns set status = :status, outcome = :outcome, finished_at = now(), lease_owner = null
                 where id = :id and status = 'running'""")
                .param("status", status).param("outcome", outcome).param("id", turnId).update();
    }

    private static TurnRow map(ResultSet rs, int n) throws SQLException {
        return new TurnRow(rs.getObject("tenant_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("conversation_id", UUID.class), rs.getLong("from_seq"), rs.getLong("last_seq"),
                rs.getString("status"), rs.getString("brain"), rs.getString("language"), rs.getInt("steps"),
                rs.getInt("tool_calls"), rs.getString("handoff_reason"), rs.getTimestamp("started_at").toInstant());
    }
}
