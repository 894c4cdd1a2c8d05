package dev.switchboard.whatsapp.inbox;

import dev.switchboard.whatsapp.cloudapi.WebhookEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The inbox table of the current tenant scope: insert once per provider id, claim, complete, retry, purge. */
@Repository
@Transactional
class WhatsAppInbox {

    private final JdbcClient jdbc;
    private final InboxConnections connections;

    WhatsAppInbox(JdbcClient jdbc, InboxConnections connections) {
        this.jdbc = jdbc;
        this.connections = connections;
    }

    /**
     * Stores events not seen before (a redelivery conflicts on the event key and changes nothing), in one
     * transaction on the inbox's own connection, with the tenant set for row-level security as every transaction is.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    int store(UUID tenant, List<WebhookEvent> events) throws SQLException {
        try (Connection connection = connections.forWrites()) {
            connection.setAutoCommit(false);
            try (PreparedStatement scope = connection.prepareStatement("select set_config('app.tenant_id', ?, true)");
                 PreparedStatement insert = connection.prepareStatement("""
                         insert into whatsapp_inbox (tenant_id, event_key, kind, payload) values (?, ?, ?, cast(? as jsonb))
                         on conflict (tenant_id, event_key) do nothing""")) {
                scope.setString(1, tenant.toString());
                scope.execute();
                for (WebhookEvent event : events) {
                    insert.setObject(1, tenant);
                    insert.setString(2, event.key());
                    insert.setString(3, event.kind());
                    insert.setString(4, event.payload());
                    insert.addBatch();
                }
                int stored = 0;
                for (int count : insert.executeBatch()) {
                    stored += Math.max(count, 0);
                }
                connection.commit();
                return stored;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Claims due rows under a lease and, in the same statement, opens or extends the customer service window of
     * every sender among them (from the time Meta says they wrote), so the window is known before any reply.
     */
    List<ClaimedEvent> claim(int limit, Duration lease) {
        return jdbc.sql("""
                with claimed as (
                    update whatsapp_inbox i set state = 'processing', attempts = i.attempts + 1,
                           available_at = now() + make_interval(secs => :lease)
                     where i.id in (select id from whatsapp_inbox
                                     where state in ('pending', 'processing') and available_at <= now()
                                     order by id limit :limit for update skip locked)
                    returning i.tenant_id, i.id, i.kind, i.event_key, i.payload, i.attempts
                ), windows as (
                    insert into whatsapp_customer_windows (tenant_id, wa_id, last_inbound_at)
                    select tenant_id, payload #>> '{message,from}',
                           least(now(), max(case when payload #>> '{message,timestamp}' ~ '^[0-9]{1,12}$'
                                                 then to_timestamp((payload #>> '{message,timestamp}')::bigint)
                                                 else now() end))
                      from claimed where kind = 'message' and payload #>> '{message,from}' is not null
                     group by 1, 2 order by 2
                    on conflict (tenant_id, wa_id) do update
                       set last_inbound_at = greatest(whatsapp_customer_windows.last_inbound_at, excluded.last_inbound_at)
                )
                select id, kind, event_key, payload::text as payload, attempts from claimed order by id""")
                .param("lease", (double) lease.toSeconds()).param("limit", limit)
                .query((rs, n) -> new ClaimedEvent(rs.getLong("id"), rs.getString("kind"), rs.getString("event_key"),
                        rs.getString("payload"), rs.getInt("attempts")))
                .list();
    }

    void complete(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update whatsapp_inbox set state = 'done', processed_at = now(), last_error = null
                 where id in (:ids) and state = 'processing'""").param("ids", ids).update();
    }

    /** Puts a row back for a later attempt, or sets it aside as dead when {@code delay} is null. */
    void fail(long id, String error, Duration delay) {
        jdbc.sql("""
                update whatsapp_inbox set state = case when :dead then 'dead' else 'pending' end,
                       available_at = now() + make_interval(secs => :delay), last_error = :error
                 where id = :id""")
                .param("dead", delay == null).param("delay", delay == null ? 0.0 : (double) delay.toMillis() / 1000)
                .param("error", error.length() > 2000 ? error.substring(0, 2000) : error).param("id", id).update();
    }

    /** Removes processed rows older than the retention: Meta stops redelivering after about a week. */
    int purge(Duration retention) {
        return jdbc.sql("delete from whatsapp_inbox where state = 'done' and received_at < now() - make_interval(secs => :age)")
                .param("age", (double) retention.toSeconds()).update();
    }
}
