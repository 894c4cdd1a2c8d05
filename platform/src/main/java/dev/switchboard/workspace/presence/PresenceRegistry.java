package dev.switchboard.workspace.presence;

import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.Tenants;
import dev.switchboard.workspace.AgentStatus;
import dev.switchboard.workspace.Presence;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One row per dashboard connection and tenant, refreshed by the connection's heartbeats. A user is online when
 * any fresh row of theirs is, away when their fresh rows are all idle, offline without a fresh row. A node that
 * dies stops refreshing its rows, so they age out after {@link #TIMEOUT} without anyone having to notice.
 */
@Repository
public class PresenceRegistry implements Presence {

    /** Three missed heartbeats (the dashboard sends one every 20 seconds). */
    public static final Duration TIMEOUT = Duration.ofSeconds(65);

    private static final String STATUS = """
            select case when bool_or(state = 'online') then 'online' when count(*) > 0 then 'away' else 'offline' end
              from agent_presence where user_id = :user and last_seen > now() - make_interval(secs => :timeout)""";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Tenants tenants;
    private final String nodeId = "node-" + UUID.randomUUID().toString().substring(0, 8);

    PresenceRegistry(JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events, Tenants tenants) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.tenants = tenants;
    }

    /** Records that the connection is open and active or idle; publishes {@link PresenceChanged} on a change. */
    public void beat(UUID tenantId, UUID connectionId, UUID userId, boolean idle) {
        change(tenantId, userId, () -> jdbc.sql("""
                insert into agent_presence (tenant_id, connection_id, user_id, node_id, state)
                values (:tenant, :connection, :user, :node, :state)
                on conflict (tenant_id, connection_id) do update set state = excluded.state, last_seen = now()""")
                .param("tenant", tenantId).param("connection", connectionId).param("user", userId)
                .param("node", nodeId).param("state", idle ? "away" : "online").update());
    }

    public void leave(UUID tenantId, UUID connectionId, UUID userId) {
        change(tenantId, userId, () -> jdbc.sql("delete from agent_presence where connection_id = :connection")
                .param("connection", connectionId).update());
    }

    @Override
    public Map<UUID, AgentStatus> statuses(UUID tenantId) {
        return TenantScope.within(tenantId, () -> tx.execute(s -> {
            Map<UUID, AgentStatus> statuses = new HashMap<>();
            jdbc.sql("""
                    select user_id, bool_or(state = 'online') as online from agent_presence
                     where last_seen > now() - make_interval(secs => :timeout) group by user_id""")
                    .param("timeout", TIMEOUT.toSeconds())
                    .query(rs -> {
                        statuses.put(rs.getObject("user_id", UUID.class),
                                rs.getBoolean("online") ? AgentStatus.ONLINE : AgentStatus.AWAY);
                    });
            return Map.copyOf(statuses);
        }));
    }

    /** Deletes the rows of connections whose node went silent, and tells everyone who went offline. */
    @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    void sweep() {
        for (var tenant : tenants.all()) {
            TenantScope.run(tenant.id(), () -> tx.executeWithoutResult(s -> {
                List<UUID> gone = jdbc.sql("""
                        delete from agent_presence where last_seen < now() - make_interval(secs => :timeout)
                        returning user_id""").param("timeout", TIMEOUT.toSeconds()).query(UUID.class).list();
                gone.stream().distinct().forEach(user -> {
                    AgentStatus now = status(user);
                    if (now == AgentStatus.OFFLINE) {
                        events.publishEvent(new PresenceChanged(tenant.id(), user, now));
                    }
                });
            }));
        }
    }

    private void change(UUID tenantId, UUID userId, Runnable write) {
        TenantScope.within(tenantId, () -> tx.execute(s -> {
            AgentStatus before = status(userId);
            write.run();
            AgentStatus after = status(userId);
            if (before != after) {
                events.publishEvent(new PresenceChanged(tenantId, userId, after));
            }
            return null;
        }));
    }

    private AgentStatus status(UUID userId) {
        String status = jdbc.sql(STATUS).param("user", userId).param("timeout", TIMEOUT.toSeconds())
                .query(String.class).single();
        return AgentStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
    }
}
