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

    /**
     * Starts from the contact's conversations active in the last minute (an array the planner must compute first),
     * then reads only their messages by primary key: a plan made while the tables were small once joined every
     * recent message of the tenant to find this contact's.
     */
    private int messagesLastMinute(UUID contactId) {
        return jdbc.sql("""
                select count(*) from messages m
                 where m.conversation_id = any (array(select c.id from conversations c where c.contact_id = :contact
                                                         and c.last_message_at > now() - interval '1 minute'))
                   and m.role = 'customer' and m.created_at > now() - interval '1 minute'""")
                .param("contact", contactId).query(Integer.class).single();
    }
}
