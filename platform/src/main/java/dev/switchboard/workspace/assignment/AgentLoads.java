package dev.switchboard.workspace.assignment;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** How much each agent of the current tenant has on their plate, and when each was last given something. */
@Repository
@Transactional(readOnly = true)
public class AgentLoads {

    private final JdbcClient jdbc;

    AgentLoads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open conversations held by or offered to each agent. */
    public Map<UUID, Integer> openConversations() {
        Map<UUID, Integer> loads = new HashMap<>();
        jdbc.sql("""
                select assignee_id, count(*) as open from conversations
                 where status in ('pending', 'human') and assignee_id is not null group by assignee_id""")
                .query(rs -> {
                    loads.put(rs.getObject("assignee_id", UUID.class), rs.getInt("open"));
                });
        return loads;
    }

    /** When each agent was last offered a conversation automatically (the round robin's memory). */
    Map<UUID, Instant> lastAssigned() {
        Map<UUID, Instant> last = new HashMap<>();
        jdbc.sql("""
                select assignee_id, max(at) as at from conversation_audit
                 where change = 'assigned' and assignee_id is not null group by assignee_id""")
                .query(rs -> {
                    last.put(rs.getObject("assignee_id", UUID.class), rs.getTimestamp("at").toInstant());
                });
        return last;
    }
}
