package dev.switchboard.agent.usage;

import dev.switchboard.tenant.TenantDefinition;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checks made when a turn starts. Each refusal names the budget, so the customer's message and the analytics
 * can say which one ran out. Tool calls and steps per turn are enforced inside the graph.
 */
@Component
public class Budgets {

    private final JdbcClient jdbc;
    private final UsageLedger ledger;

    Budgets(JdbcClient jdbc, UsageLedger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    public enum Exceeded { MESSAGES_PER_MINUTE, TURNS_PER_CONVERSATION, TOKENS_PER_DAY }

    @Transactional(readOnly = true)
    public Optional<Exceeded> check(TenantDefinition tenant, UUID conversationId, UUID contactId, int turnsSoFar,
                                    boolean usesModel) {
        Budget budget = Budget.of(tenant);
        if (messagesLastMinute(contactId) > budget.messagesPerMinutePerContact()) {
            return Optional.of(Exceeded.MESSAGES_PER_MINUTE);
        }
        if (turnsSoFar >= budget.turnsPerConversation()) {
            return Optional.of(Exceeded.TURNS_PER_CONVERSATION);
        }
        if (usesModel && ledger.tokensToday(tenant.timezone()) >= budget.tokensPerDay()) {
            return Optional.of(Exceeded.TOKENS_PER_DAY);
        }
        return Optional.empty();
    }

    private int messagesLastMinute(UUID contactId) {
        return jdbc.sql("""
                select count(*) from messages m join conversations c on c.tenant_id = m.tenant_id and c.id = m.conversation_id
                 where c.contact_id = :contact and m.role = 'customer' and m.created_at > now() - interval '1 minute'""")
                .param("contact", contactId).query(Integer.class).single();
    }
}
