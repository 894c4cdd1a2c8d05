package dev.switchboard.agent.usage;

import dev.switchboard.agent.UsageRecorded;
import dev.switchboard.agent.llm.ModelUsage;
import dev.switchboard.shared.TenantScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The {@code llm_calls} table: each call's usage and cost, published as {@link UsageRecorded} for billing. */
@Repository
@Transactional
public class UsageLedger {

    /**
     * How long a tenant's tokens-today total is trusted before it is summed again. The sum reads every call of the
     * day, so it is not made per turn; this node's own calls are added as they are recorded, other nodes' show
     * within this delay (the daily budget is a cost guard, not an exact quota).
     */
    private static final long RESUM_NANOS = java.time.Duration.ofSeconds(10).toNanos();

    private record Today(LocalDate day, long tokens, long summedAt) {
        Today plus(long more) {
            return new Today(day, tokens + more, summedAt);
        }
    }

    private final java.util.Map<UUID, Today> today = new java.util.concurrent.ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    UsageLedger(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    public void record(LlmCall call) {
        UUID tenant = TenantScope.requireTenant();
        jdbc.sql("""
                insert into llm_calls (tenant_id, id, turn_id, conversation_id, step, provider, model, status, input_tokens,
                    output_tokens, cache_read_tokens, cache_write_tokens, cost_micros, latency_ms, first_token_ms, attempts,
                    stop_reason, response, error)
                values (:tenant, :id, :turn, :conversation, :step, :provider, :model, :status, :input, :output, :cacheRead,
                    :cacheWrite, :cost, :latency, :firstToken, :attempts, :stop, cast(:response as jsonb), :error)""")
                .param("tenant", tenant).param("id", call.id()).param("turn", call.turnId())
                .param("conversation", call.conversationId()).param("step", call.step()).param("provider", call.provider())
                .param("model", call.model()).param("status", call.status()).param("input", call.usage().input())
                .param("output", call.usage().output()).param("cacheRead", call.usage().cacheRead())
                .param("cacheWrite", call.usage().cacheWrite()).param("cost", call.costMicros())
                .param("latency", call.latencyMs()).param("firstToken", call.firstTokenMs()).param("attempts", call.attempts())
                .param("stop", call.stopReason()).param("response", json.writeValueAsString(call.response()))
                .param("error", call.error()).update();
        if (call.usage().total() > 0) {
            today.computeIfPresent(tenant, (id, known) -> known.plus(call.usage().total()));
            events.publishEvent(new UsageRecorded(tenant, call.conversationId(), call.turnId(), call.provider(), call.model(),
                    call.usage().input(), call.usage().output(), call.usage().cacheRead(), call.usage().cacheWrite(),
                    call.costMicros()));
        }
    }

    /** The turn's successful calls, in step order. */
    @Transactional(readOnly = true)
    public List<LlmCall> answeredCalls(UUID turnId) {
        return jdbc.sql("select * from llm_calls where turn_id = :turn and status = 'ok' order by step, created_at")
                .param("turn", turnId).query(this::map).list();
    }

    /** Tokens the current tenant used since midnight in its time zone (see {@link #RESUM_NANOS}). */
    @Transactional(readOnly = true)
    public long tokensToday(ZoneId zone) {
        UUID tenant = TenantScope.requireTenant();
        LocalDate day = LocalDate.now(zone);
        Today known = today.get(tenant);
        if (known != null && known.day().equals(day) && System.nanoTime() - known.summedAt() < RESUM_NANOS) {
            return known.tokens();
        }
        var since = day.atStartOfDay(zone).toOffsetDateTime();
        long tokens = jdbc.sql("""
                select coalesce(sum(input_tokens + output_tokens + cache_read_tokens + cache_write_tokens), 0)
                  from llm_calls where created_at >= :since""")
                .param("since", since).query(Long.class).single();
        today.put(tenant, new Today(day, tokens, System.nanoTime()));
        return tokens;
    }

    private LlmCall map(ResultSet rs, int n) throws SQLException {
        Long firstToken = rs.getObject("first_token_ms") == null ? null : rs.getLong("first_token_ms");
        return new LlmCall(rs.getObject("id", UUID.class), rs.getObject("turn_id", UUID.class),
                rs.getObject("conversation_id", UUID.class), rs.getInt("step"), rs.getString("provider"),
                rs.getString("model"), rs.getString("status"), new ModelUsage(rs.getLong("input_tokens"),
                rs.getLong("output_tokens"), rs.getLong("cache_read_tokens"), rs.getLong("cache_write_tokens")),
                rs.getLong("cost_micros"), rs.getLong("latency_ms"), firstToken,
                rs.getInt("attempts"), rs.getString("stop_reason"), json.readTree(rs.getString("response")),
                rs.getString("error"));
    }
}
