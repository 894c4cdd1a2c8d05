package dev.switchboard.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.shared.TooManyRequests;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The throttle stops a guesser at their own address without handing them a switch to lock the victim out. An
 * attempt is {@code checkAllowed}; it counts as a failure unless {@code recordSuccess} follows.
 */
class LoginThrottleTest {

    private static final String VICTIM = "victim@acme.test";
    private static final String ATTACKER_ADDRESS = "203.0.113.7";
    private static final String VICTIM_ADDRESS = "198.51.100.20";

    private final LoginThrottle throttle = new LoginThrottle();

    @Test
    void afterFiveFailuresTheNextAttemptFromThatAddressIsRefusedWithAWait() {
        failTimes(VICTIM, ATTACKER_ADDRESS, LoginThrottle.FAILURES_PER_ACCOUNT_AND_ADDRESS);

        assertThatThrownBy(() -> throttle.checkAllowed(VICTIM, ATTACKER_ADDRESS))
                .isInstanceOfSatisfying(TooManyRequests.class,
                        e -> assertThat(e.retryAfter()).isGreaterThan(Duration.ZERO).isLessThanOrEqualTo(Duration.ofMinutes(16)));
    }

    @Test
    void fewerFailuresThanTheLimitAreTolerated() {
        failTimes(VICTIM, ATTACKER_ADDRESS, LoginThrottle.FAILURES_PER_ACCOUNT_AND_ADDRESS - 1);

        assertThatCode(() -> throttle.checkAllowed(VICTIM, ATTACKER_ADDRESS)).doesNotThrowAnyException();
    }

    @Test
    void attemptsStillInFlightCountSoAParallelBurstGetsNoFurther() {
        for (int i = 0; i < LoginThrottle.FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
            throttle.checkAllowed(VICTIM, ATTACKER_ADDRESS);
        }

        assertThatThrownBy(() -> throttle.checkAllowed(VICTIM, ATTACKER_ADDRESS)).isInstanceOf(TooManyRequests.class);
    }

    @Test
    void anotherAddressStillSignsInToTheAttackedAccount() {
        failTimes(VICTIM, ATTACKER_ADDRESS, LoginThrottle.FAILURES_PER_ACCOUNT_AND_ADDRESS);
        assertThatThrownBy(() -> throttle.checkAllowed(VICTIM, ATTACKER_ADDRESS)).isInstanceOf(TooManyRequests.class);

        assertThatCode(() -> throttle.checkAllowed(VICTIM, VICTIM_ADDRESS)).doesNotThrowAnyException();
        throttle.recordSuccess(VICTIM, VICTIM_ADDRESS);
        assertThatCode(() -> throttle.checkAllowed(VICTIM, VICTIM_ADDRESS)).doesNotThrowAnyException();
    }

    @Test
    void theEmailIsMatchedWhateverItsCaseOrSurroundingSpaces() {
        failTimes(" Victim@ACME.test ", ATTACKER_ADDRESS, LoginThrottle.FAILURES_PER_ACCOUNT_AND_ADDRESS);

        assertThatThrownBy(() -> throttle.checkAllowed(VICTIM, ATTACKER_ADDRESS)).isInstanceOf(TooManyRequests.class);
    }

    @Test
    void anAddressGuessingAcrossManyAccountsIsStoppedForAllOfThem() {
        for (int i = 0; i < LoginThrottle.FAILURES_PER_ADDRESS; i++) {
            throttle.checkAllowed("user" + i + "@acme.test", ATTACKER_ADDRESS);
        }

        assertThatThrownBy(() -> throttle.checkAllowed("someone-new@acme.test", ATTACKER_ADDRESS))
                .isInstanceOf(TooManyRequests.class);
        assertThatCode(() -> throttle.checkAllowed("someone-new@acme.test", VICTIM_ADDRESS)).doesNotThrowAnyException();
    }

    @Test
    void aSuccessfulSignInForgivesThatAccountsFailuresAtThatAddress() {
        failTimes(VICTIM, VICTIM_ADDRESS, LoginThrottle.FAILURES_PER_ACCOUNT_AND_ADDRESS - 1);
        throttle.checkAllowed(VICTIM, VICTIM_ADDRESS);
        throttle.recordSuccess(VICTIM, VICTIM_ADDRESS);
        failTimes(VICTIM, VICTIM_ADDRESS, LoginThrottle.FAILURES_PER_ACCOUNT_AND_ADDRESS - 1);

        assertThatCode(() -> throttle.checkAllowed(VICTIM, VICTIM_ADDRESS)).doesNotThrowAnyException();
    }

    @Test
    void successfulSignInsNeverAddUpToAThrottle() {
        for (int i = 0; i < LoginThrottle.FAILURES_PER_ADDRESS * 2; i++) {
            throttle.checkAllowed("user" + (i % 7) + "@acme.test", VICTIM_ADDRESS);
            throttle.recordSuccess("user" + (i % 7) + "@acme.test", VICTIM_ADDRESS);
        }

        assertThatCode(() -> throttle.checkAllowed(VICTIM, VICTIM_ADDRESS)).doesNotThrowAnyException();
    }

    /** Attempts that fail: allowed, and no success follows. */
    private void failTimes(String email, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.checkAllowed(email, address);
        }
    }
}
