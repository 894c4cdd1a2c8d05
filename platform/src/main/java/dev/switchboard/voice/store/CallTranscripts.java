package dev.switchboard.voice.store;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The transcript lines and per-turn latencies of calls in the current tenant scope, and their percentiles. */
@Repository
@Transactional
public class CallTranscripts {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    CallTranscripts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(UUID tenantId, UUID callId, TranscriptLine line) {
        jdbc.sql("""
                        insert into call_transcript (tenant_id, call_id, seq, role, text, interrupted, detail, at)
                        values (:t, :c, :seq, :role, :text, :interrupted, cast(:detail as jsonb), :at)""")
                .param("t", tenantId).param("c", callId).param("seq", line.seq()).param("role", line.role())
                .param("text", line.text()).param("interrupted", line.interrupted())
                .param("detail", line.detail() == null ? null : line.detail().toString())
                .param("at", Timestamp.from(line.at())).update();
    }

    public void record(UUID tenantId, UUID callId, TurnLatency turn) {
        jdbc.sql("""
                        insert into call_turns (tenant_id, call_id, turn_no, caller_stopped_at, user_text, end_of_turn_ms,
                                                stt_final_ms, llm_first_token_ms, tts_first_audio_ms, first_audio_ms)
                        values (:t, :c, :n, :at, :text, :eot, :stt, :llm, :tts, :first)
                        on conflict do nothing""")
                .param("t", tenantId).param("c", callId).param("n", turn.turnNo())
                .param("at", Timestamp.from(turn.callerStoppedAt())).param("text", turn.userText())
                .param("eot", turn.endOfTurnMs()).param("stt", turn.sttFinalMs()).param("llm", turn.llmFirstTokenMs())
                .param("tts", turn.ttsFirstAudioMs()).param("first", turn.firstAudioMs()).update();
    }

    @Transactional(readOnly = true)
    public List<TranscriptLine> transcript(UUID callId) {
        return jdbc.sql("select seq, role, text, interrupted, detail, at from call_transcript where call_id = :c order by seq")
                .param("c", callId).query((rs, n) -> new TranscriptLine(rs.getInt("seq"), rs.getString("role"),
                        rs.getString("text"), rs.getBoolean("interrupted"),
                        rs.getString("detail") == null ? null : json.readTree(rs.getString("detail")),
                        rs.getTimestamp("at").toInstant())).list();
    }

    @Transactional(readOnly = true)
    public List<TurnLatency> turns(UUID callId) {
        return jdbc.sql("select * from call_turns where call_id = :c order by turn_no").param("c", callId)
                .query((rs, n) -> new TurnLatency(rs.getInt("turn_no"), rs.getTimestamp("caller_stopped_at").toInstant(),
                        rs.getString("user_text"), (Integer) rs.getObject("end_of_turn_ms"),
                        (Integer) rs.getObject("stt_final_ms"), (Integer) rs.getObject("llm_first_token_ms"),
                        (Integer) rs.getObject("tts_first_audio_ms"), (Integer) rs.getObject("first_audio_ms"))).list();
    }

    /** p50 and p95 of every stage, over one call ({@code callId}) or over the tenant's turns since {@code days} ago. */
    @Transactional(readOnly = true)
    public Map<String, Map<String, Integer>> percentiles(UUID callId, int days) {
        String where = callId != null ? "call_id = :c" : "caller_stopped_at > now() - make_interval(days => :d)";
        var spec = jdbc.sql("select " + String.join(", ", percentileColumns()) + ", count(*) as turns from call_turns where " + where);
        spec = callId != null ? spec.param("c", callId) : spec.param("d", days);
        return spec.query((rs, n) -> {
            Map<String, Map<String, Integer>> out = new java.util.LinkedHashMap<>();
            for (String stage : STAGES) {
                Map<String, Integer> values = new java.util.LinkedHashMap<>();
                values.put("p50", (Integer) rs.getObject(stage + "_p50"));
                values.put("p95", (Integer) rs.getObject(stage + "_p95"));
                out.put(stage, values);
            }
            out.put("turns", Map.of("count", rs.getInt("turns")));
            return out;
        }).single();
    }

    private static final List<String> STAGES = List.of("end_of_turn_ms", "stt_final_ms", "llm_first_token_ms",
            "tts_first_audio_ms", "first_audio_ms");

    private static List<String> percentileColumns() {
        return STAGES.stream().flatMap(s -> java.util.stream.Stream.of(
                "round(percentile_cont(0.5) within group (order by " + s + "))::int as " + s + "_p50",
                "round(percentile_cont(0.95) within group (order by " + s + "))::int as " + s + "_p95")).toList();
    }
}
