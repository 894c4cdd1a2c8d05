package dev.switchboard.whatsapp.inbox;

import dev.switchboard.whatsapp.account.WhatsAppProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What happens to an event whose processing failed: it falls due again after an exponential back-off (2 s, 4 s ...
 * up to 10 minutes), and after too many attempts it is set aside as dead, with an error in the log; never dropped.
 */
@Component
class InboxRetries {

    private static final Logger log = LoggerFactory.getLogger(InboxRetries.class);

    private final WhatsAppInbox inbox;
    private final int maxAttempts;

    InboxRetries(WhatsAppInbox inbox, WhatsAppProperties properties) {
        this.inbox = inbox;
        this.maxAttempts = properties.maxAttempts();
    }

    void failed(ClaimedEvent event, RuntimeException failure) {
        boolean last = event.attempts() >= maxAttempts;
        Duration delay = last ? null : Duration.ofSeconds(Math.min(600, 1L << Math.min(event.attempts(), 10)));
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (last) {
            log.error("WhatsApp event {} set aside after {} attempts: {}", event.key(), event.attempts(), error, failure);
        } else {
            log.warn("WhatsApp event {} failed (attempt {}), retrying in {}: {}", event.key(), event.attempts(), delay, error);
        }
        inbox.fail(event.id(), error, delay);
    }
}
