package dev.switchboard.whatsapp.delivery;

import dev.switchboard.whatsapp.WhatsAppRefusedMessage;
import dev.switchboard.whatsapp.account.WhatsAppAccount;
import dev.switchboard.whatsapp.cloudapi.GraphClient;
import dev.switchboard.whatsapp.cloudapi.GraphRequestFailed;
import dev.switchboard.whatsapp.cloudapi.OutgoingMessage;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every send goes through here: it waits for the number's next slot, then calls the Graph API; throughput and
 * pair-rate limits (130429, 131056), temporary outages and unreachable servers are retried with jittered
 * exponential back-off. Anything else, or the last failure, is a {@link WhatsAppRefusedMessage} with Meta's code.
 */
@Component
class PacedSender {

    private static final Logger log = LoggerFactory.getLogger(PacedSender.class);
    private static final int ATTEMPTS = 8;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

    private final SlotLanes pacing;
    private final GraphClient graph;

    PacedSender(SendPacing pacing, GraphClient graph) {
        this.pacing = new SlotLanes(pacing);
        this.graph = graph;
    }

    /** Returns the wamid. */
    String send(WhatsAppAccount account, String to, OutgoingMessage message, String callbackData) {
        for (int attempt = 1; ; attempt++) {
            sleep(pacing.reserve(account.tenantId(), account.phoneNumberId(), account.messagesPerSecond()));
            try {
                return graph.send(account.graph(), to, message, callbackData);
            } catch (GraphRequestFailed e) {
                if (!e.retriable() || attempt == ATTEMPTS) {
                    throw new WhatsAppRefusedMessage(e.code(), e.title(), e.details());
                }
                Duration backoff = backoff(attempt, e.minimumBackoff());
                log.debug("WhatsApp send to number {} failed with {} (attempt {}), retrying in {} ms",
                        account.phoneNumberId(), e.code(), attempt, backoff.toMillis());
                sleep(backoff);
            }
        }
    }

    static Duration backoff(int attempt, Duration minimum) {
        long base = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 10));
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(Math.max(jittered, minimum.toMillis()));
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WhatsAppRefusedMessage(-1, "Interrupted while waiting to send", null);
        }
    }
}
