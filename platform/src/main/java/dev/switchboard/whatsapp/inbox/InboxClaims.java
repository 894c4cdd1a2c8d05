package dev.switchboard.whatsapp.inbox;

import dev.switchboard.whatsapp.cloudapi.WebhookEvent;
import dev.switchboard.whatsapp.intake.EventIntake;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims a batch and settles its statuses in the same transaction: a status is one monotonic update of a message,
 * not worth a transaction of its own (two or three arrive for every reply). Each status runs under a savepoint,
 * so one that fails is retried alone. Customer messages are handed back to be routed one by one.
 */
@Component
class InboxClaims {

    private final WhatsAppInbox inbox;
    private final EventIntake intake;
    private final InboxRetries retries;
    private final TransactionTemplate tx;
    private final TransactionTemplate savepoint;

    InboxClaims(WhatsAppInbox inbox, EventIntake intake, InboxRetries retries, PlatformTransactionManager transactions) {
        this.inbox = inbox;
        this.intake = intake;
        this.retries = retries;
        this.tx = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** @param messages the claimed customer messages, still to process; {@code claimed}: rows claimed, statuses too */
    record Claim(List<ClaimedEvent> messages, int claimed) {
    }

    Claim claim(int limit, Duration lease) {
        return tx.execute(status -> {
            List<ClaimedEvent> batch = inbox.claim(limit, lease);
            List<ClaimedEvent> messages = new ArrayList<>();
            List<Long> settled = new ArrayList<>();
            for (ClaimedEvent event : batch) {
                if (!WebhookEvent.STATUS.equals(event.kind())) {
                    messages.add(event);
                } else if (settle(event)) {
                    settled.add(event.id());
                }
            }
            inbox.complete(settled);
            return new Claim(messages, batch.size());
        });
    }

    private boolean settle(ClaimedEvent event) {
        try {
            savepoint.executeWithoutResult(s -> intake.handle(event.kind(), event.payload(), event.attempts()));
            return true;
        } catch (RuntimeException e) {
            retries.failed(event, e);
            return false;
        }
    }
}
