package dev.switchboard.voice.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls of the current tenant scope. Terminal facts are written once: a call that ended keeps its first ending,
 * and its Twilio status never moves back (a late {@code ringing} after {@code completed} changes nothing).
 */
@Repository
@Transactional
public class Calls {

    private static final String COLUMNS = "tenant_id, id, call_sid, direction, from_number, to_number, voice_agent, "
            + "campaign, context, conversation_id, status, outcome, answered_by, end_reason, started_at, answered_at, "
            + "ended_at, duration_seconds, billable_minutes, recording_key, recording_bytes";
    private static final List<String> ORDER = List.of("queued", "initiated", "ringing", "in-progress");

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    Calls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a call; an inbound webhook redelivered for the same CallSid returns the call it created first. */
    public CallRecord create(UUID tenantId, String callSid, String direction, String from, String to, String agent,
                             String campaign, String contextJson, UUID conversationId, String status) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        insert into calls (tenant_id, id, call_sid, direction, from_number, to_number, voice_agent, campaign,
                                           context, conversation_id, status)
                        values (:t, :id, :sid, :dir, :from, :to, :agent, :campaign, cast(:ctx as jsonb), :conv, :status)
                        on conflict (tenant_id, call_sid) where call_sid is not null do nothing""")
                .param("t", tenantId).param("id", id).param("sid", callSid).param("dir", direction).param("from", from)
                .param("to", to).param("agent", agent).param("campaign", campaign)
                .param("ctx", contextJson == null ? "{}" : contextJson).param("conv", conversationId)
                .param("status", status).update();
        return inserted == 1 ? find(id).orElseThrow() : findBySid(callSid).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<CallRecord> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from calls where id = :id").param("id", id).query(this::row).optional();
    }

    @Transactional(readOnly = true)
    public Optional<CallRecord> findBySid(String callSid) {
        return jdbc.sql("select " + COLUMNS + " from calls where call_sid = :sid").param("sid", callSid)
                .query(this::row).optional();
    }

    public void attach(UUID id, String callSid, UUID conversationId) {
        jdbc.sql("update calls set call_sid = coalesce(:sid, call_sid), conversation_id = coalesce(:conv, conversation_id) where id = :id")
                .param("sid", callSid).param("conv", conversationId).param("id", id).update();
    }

    /** Moves the Twilio status forward only; a terminal status is final. */
    public void advanceStatus(UUID id, String status, String answeredBy) {
        CallRecord call = find(id).orElseThrow();
        boolean terminal = !ORDER.contains(call.status());
        if (terminal || ORDER.contains(status) && ORDER.indexOf(status) <= ORDER.indexOf(call.status())) {
            return;
        }
        jdbc.sql("""
                        update calls set status = :status, answered_by = coalesce(:by, answered_by),
                               answered_at = case when :status = 'in-progress' then coalesce(answered_at, now()) else answered_at end
                        where id = :id""")
                .param("status", status).param("by", answeredBy).param("id", id).update();
    }

    public void markAnswered(UUID id) {
        jdbc.sql("update calls set answered_at = coalesce(answered_at, now()), status = case when status in ('queued','initiated','ringing') then 'in-progress' else status end where id = :id")
                .param("id", id).update();
    }

    /** Records how the call ended, once; returns false when it had ended already. */
    public boolean end(UUID id, String outcome, String reason, Integer durationSeconds) {
        return jdbc.sql("""
                        update calls set ended_at = now(), outcome = coalesce(outcome, :outcome), end_reason = coalesce(end_reason, :reason),
                               duration_seconds = coalesce(:duration, greatest(0, extract(epoch from now() - coalesce(answered_at, started_at))::int)),
                               billable_minutes = ceil(coalesce(:duration, greatest(0, extract(epoch from now() - coalesce(answered_at, started_at))::int)) / 60.0)::int
                        where id = :id and ended_at is null""")
                .param("outcome", outcome).param("reason", reason).param("duration", durationSeconds).param("id", id)
                .update() == 1;
    }

    /** Sets the outcome before the end when the call's fate is known early (transferred, voicemail). */
    public void setOutcome(UUID id, String outcome, String reason) {
        jdbc.sql("update calls set outcome = :outcome, end_reason = coalesce(:reason, end_reason) where id = :id and ended_at is null")
                .param("outcome", outcome).param("reason", reason).param("id", id).update();
    }

    /** Twilio's final word on duration, which is what it bills. */
    public void settleDuration(UUID id, int durationSeconds) {
        jdbc.sql("update calls set duration_seconds = :d, billable_minutes = ceil(:d / 60.0)::int where id = :id")
                .param("d", durationSeconds).param("id", id).update();
    }

    public void recording(UUID id, String key, long bytes) {
        jdbc.sql("update calls set recording_key = :key, recording_bytes = :bytes where id = :id")
                .param("key", key).param("bytes", bytes).param("id", id).update();
    }

    /** Records a status callback's key; false when the same callback was applied before. */
    public boolean firstCallback(UUID tenantId, String callSid, String status, String sequenceNumber) {
        return jdbc.sql("""
                        insert into call_callbacks (tenant_id, call_sid, call_status, sequence_number) values (:t, :sid, :status, :seq)
                        on conflict do nothing""")
                .param("t", tenantId).param("sid", callSid).param("status", status).param("seq", sequenceNumber)
                .update() == 1;
    }

    /** Serialises outbound placements per tenant and counts the calls still live. */
    public int lockAndCountLiveOutbound(UUID tenantId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:t, 600))").param("t", tenantId.toString())
                .query((rs, n) -> 1).single();
        return jdbc.sql("select count(*) from calls where direction = 'outbound' and ended_at is null "
                        + "and started_at > now() - interval '4 hours'").query(Integer.class).single();
    }

    @Transactional(readOnly = true)
    public List<CallRecord> list(CallQuery q) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from calls where true");
        List<Object> args = new ArrayList<>();
        filter(sql, args, q.direction(), "direction = ?");
        filter(sql, args, q.outcome(), "outcome = ?");
        filter(sql, args, q.agent(), "voice_agent = ?");
        filter(sql, args, q.campaign(), "campaign = ?");
        if (q.number() != null) {
            sql.append(" and (from_number = ? or to_number = ?)");
            args.add(q.number());
            args.add(q.number());
        }
        filter(sql, args, q.since() == null ? null : Timestamp.from(q.since()), "started_at >= ?");
        filter(sql, args, q.until() == null ? null : Timestamp.from(q.until()), "started_at < ?");
        if (q.beforeStartedAt() != null) {
            sql.append(" and (started_at, id) < (?, ?)");
            args.add(Timestamp.from(q.beforeStartedAt()));
            args.add(q.beforeId());
        }
        sql.append(" order by started_at desc, id desc limit ?");
        args.add(q.limit());
        return jdbc.sql(sql.toString()).params(args).query(this::row).list();
    }

    private static void filter(StringBuilder sql, List<Object> args, Object value, String condition) {
        if (value != null) {
            sql.append(" and ").append(condition);
            args.add(value);
        }
    }

    private CallRecord row(ResultSet rs, int n) throws SQLException {
        return new CallRecord(rs.getObject("tenant_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getString("call_sid"), rs.getString("direction"), rs.getString("from_number"),
                rs.getString("to_number"), rs.getString("voice_agent"), rs.getString("campaign"),
                json.readTree(rs.getString("context")), rs.getObject("conversation_id", UUID.class),
                rs.getString("status"), rs.getString("outcome"), rs.getString("answered_by"), rs.getString("end_reason"),
                instant(rs, "started_at"), instant(rs, "answered_at"), instant(rs, "ended_at"),
                (Integer) rs.getObject("duration_seconds"), (Integer) rs.getObject("billable_minutes"),
                rs.getString("recording_key"), (Long) rs.getObject("recording_bytes"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
