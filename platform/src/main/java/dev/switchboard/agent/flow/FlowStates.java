package dev.switchboard.agent.flow;

import dev.switchboard.shared.TenantScope;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The {@code agent_flow_states} table: one flow position per conversation. */
@Repository
@Transactional
class FlowStates {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FlowStates(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(readOnly = true)
    FlowState load(UUID conversationId) {
        return new FlowState(jdbc.sql("select state::text from agent_flow_states where conversation_id = :c")
                .param("c", conversationId).query(String.class).optional().map(json::readTree).orElse(null));
    }

    void save(UUID conversationId, FlowState state) {
        jdbc.sql("""
                insert into agent_flow_states (tenant_id, conversation_id, state) values (:tenant, :c, cast(:state as jsonb))
                on conflict (tenant_id, conversation_id) do update set state = excluded.state, updated_at = now()""")
                .param("tenant", TenantScope.requireTenant()).param("c", conversationId)
                .param("state", state.node.toString()).update();
    }
}
