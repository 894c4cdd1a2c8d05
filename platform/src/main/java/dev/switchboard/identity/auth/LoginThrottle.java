package dev.switchboard.identity.auth;

import dev.switchboard.shared.TooManyRequests;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without handing attackers a lockout switch. Failures are counted per
 * (email, client address) and per client address: a guesser is stopped at their own address, while the real
 * user, signing in from theirs, is never blocked by someone else's failures.
 */
@Component
class LoginThrottle {

    static final int FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
    static final int FAILURES_PER_ADDRESS = 50;
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Bucket> perAccountAndAddress = new ConcurrentHashMap<>();
    private final Map<String, Bucket> perAddress = new ConcurrentHashMap<>();

    /** Refuses before any password work when this address already failed too often (for this account). */
    void checkAllowed(String email, String address) {
        refuseIfEmpty(perAccountAndAddress.get(key(email, address)));
        refuseIfEmpty(perAddress.get(address));
    }

    void recordFailure(String email, String address) {
        perAccountAndAddress.computeIfAbsent(key(email, address), k -> bucket(FAILURES_PER_ACCOUNT_AND_ADDRESS))
                .tryConsume(1);
        perAddress.computeIfAbsent(address, k -> bucket(FAILURES_PER_ADDRESS)).tryConsume(1);
    }

    /** A successful login forgives this address's failures for this account. */
    void recordSuccess(String email, String address) {
        perAccountAndAddress.remove(key(email, address));
    }

    @Scheduled(fixedDelay = 600_000)
    void forgetRecovered() {
        perAccountAndAddress.values().removeIf(b -> b.getAvailableTokens() >= FAILURES_PER_ACCOUNT_AND_ADDRESS);
        perAddress.values().removeIf(b -> b.getAvailableTokens() >= FAILURES_PER_ADDRESS);
    }

    private static void refuseIfEmpty(Bucket bucket) {
        if (bucket == null) {
            return;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill()).plusSeconds(1);
            throw new TooManyRequests("too many failed sign-in attempts; try again later", wait);
        }
    }

    private static Bucket bucket(int failures) {
        return Bucket.builder().addLimit(l -> l.capacity(failures).refillGreedy(failures, WINDOW)).build();
    }

    private static String key(String email, String address) {
        return email.strip().toLowerCase(Locale.ROOT) + "|" + address;
    }
}
