package dev.switchboard.identity.auth;

import dev.switchboard.shared.TooManyRequests;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
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
 *
 * <p>Each attempt reserves a failure before any password work and a success gives it back, so attempts still
 * in flight count: a burst of parallel guesses gets no further than the same guesses one after another.
 */
@Component
class LoginThrottle {

    static final int FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
    static final int FAILURES_PER_ADDRESS = 50;
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Bucket> perAccountAndAddress = new ConcurrentHashMap<>();
    private final Map<String, Bucket> perAddress = new ConcurrentHashMap<>();

    /**
     * Reserves this attempt as a failure (it stays one unless {@link #recordSuccess} follows), or refuses when this
     * address already failed too often (for this account).
     */
    void checkAllowed(String email, String address) {
        Bucket account = perAccountAndAddress.computeIfAbsent(key(email, address), k -> bucket(FAILURES_PER_ACCOUNT_AND_ADDRESS));
        ConsumptionProbe accountProbe = account.tryConsumeAndReturnRemaining(1);
        if (!accountProbe.isConsumed()) {
            throw refused(accountProbe);
        }
        ConsumptionProbe addressProbe = perAddress.computeIfAbsent(address, k -> bucket(FAILURES_PER_ADDRESS))
                .tryConsumeAndReturnRemaining(1);
        if (!addressProbe.isConsumed()) {
            account.addTokens(1);
            throw refused(addressProbe);
        }
    }

    /** A successful login forgives this address's failures for this account, and does not count as one. */
    void recordSuccess(String email, String address) {
        perAccountAndAddress.remove(key(email, address));
        Bucket bucket = perAddress.get(address);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    @Scheduled(fixedDelay = 600_000)
    void forgetRecovered() {
        perAccountAndAddress.values().removeIf(b -> b.getAvailableTokens() >= FAILURES_PER_ACCOUNT_AND_ADDRESS);
        perAddress.values().removeIf(b -> b.getAvailableTokens() >= FAILURES_PER_ADDRESS);
    }

    private static TooManyRequests refused(ConsumptionProbe probe) {
        Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill()).plusSeconds(1);
        return new TooManyRequests("too many failed sign-in attempts; try again later", wait);
    }

    private static Bucket bucket(int failures) {
        return Bucket.builder().addLimit(l -> l.capacity(failures).refillGreedy(failures, WINDOW)).build();
    }

    private static String key(String email, String address) {
        return email.strip().toLowerCase(Locale.ROOT) + "|" + address;
    }
}
