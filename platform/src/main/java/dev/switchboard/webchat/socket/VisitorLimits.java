package dev.switchboard.webchat.socket;

import dev.switchboard.tenant.Tenants;
import dev.switchboard.webchat.config.WebchatProperties;
import dev.switchboard.webchat.limits.KeyedBuckets;
import dev.switchboard.webchat.visitor.Visitor;
import io.github.bucket4j.Bandwidth;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What one visitor may send, across all their tabs: messages per minute (the tenant's
 * {@code agent.budgets.messagesPerMinutePerContact}), and frames of any kind per ten seconds, so typing
 * notices and pings cannot flood the node either.
 */
@Component
class VisitorLimits {

    private static final int FRAMES_PER_10_SECONDS = 60;

    private final KeyedBuckets<Visitor> messages;
    private final KeyedBuckets<Visitor> frames;

    VisitorLimits(Tenants tenants, WebchatProperties properties) {
        this.messages = new KeyedBuckets<>(visitor -> {
            int perMinute = tenants.find(visitor.tenantId())
                    .map(t -> t.section("agent", "budgets", "messagesPerMinutePerContact").asInt(properties.messagesPerMinute()))
                    .orElse(properties.messagesPerMinute());
            return Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build();
        }, Duration.ofMinutes(2));
        this.frames = new KeyedBuckets<>(visitor -> Bandwidth.builder().capacity(FRAMES_PER_10_SECONDS)
                .refillGreedy(FRAMES_PER_10_SECONDS, Duration.ofSeconds(10)).build(), Duration.ofMinutes(1));
    }

    /** Zero when the message may go, else how long until it may. */
    Duration message(Visitor visitor) {
        return messages.tryTake(visitor);
    }

    Duration frame(Visitor visitor) {
        return frames.tryTake(visitor);
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetIdle() {
        messages.forgetIdle();
        frames.forgetIdle();
    }
}
