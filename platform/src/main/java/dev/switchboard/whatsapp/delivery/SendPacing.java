package dev.switchboard.whatsapp.delivery;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paces sends per business number across every node, in PostgreSQL: a generic cell rate algorithm where one
 * atomic upsert reserves the next free slots ({@code interval} apart) and each sender waits until its slot comes. A
 * short burst is allowed after a quiet spell, never more than half a second's worth, which keeps under Meta's own
 * bucket. {@link SlotLanes} gathers the senders of one number waiting at the same moment into one reservation.
 */
@Repository
@Transactional
class SendPacing implements SlotLanes.Reserver {

    private static final double BURST_SECONDS = 0.5;

    private final JdbcClient jdbc;

    SendPacing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SlotLanes.Slots reserve(UUID tenantId, String phoneNumberId, int messagesPerSecond, int count) {
        double interval = 1.0 / Math.clamp(messagesPerSecond, 1, 1000);
        // Every send of the number updates this one row: with a durable commit each waited for its WAL flush while
        // holding the row's lock, so sends went one flush at a time. A reservation lost in a crash costs nothing.
        jdbc.sql("select set_config('synchronous_commit', 'off', true)").query(String.class).single();
        return jdbc.sql("""
                insert into whatsapp_send_pacing as p (tenant_id, phone_number_id, next_slot_at)
                values (:tenant, :number, clock_timestamp() + make_interval(secs => :span))
                on conflict (tenant_id, phone_number_id) do update
                   set next_slot_at = greatest(p.next_slot_at, clock_timestamp() - make_interval(secs => :burst))
                                      + make_interval(secs => :span)
                returning next_slot_at - make_interval(secs => :span) as first, clock_timestamp() as now""")
                .param("tenant", tenantId).param("number", phoneNumberId).param("span", interval * count)
                .param("burst", BURST_SECONDS)
                .query((rs, n) -> new SlotLanes.Slots(rs.getTimestamp("first").toInstant(),
                        rs.getTimestamp("now").toInstant(), interval))
                .single();
    }
}
