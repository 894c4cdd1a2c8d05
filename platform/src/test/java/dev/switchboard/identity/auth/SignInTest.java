package dev.switchboard.identity.auth;

import static dev.switchboard.ApiResponseAssert.assertThat;
import static dev.switchboard.TenantFixtures.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ApiResponse;
import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestApi;
import dev.switchboard.shared.TenantRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sign-in over HTTP: no hint about which part was wrong, throttling with Retry-After per client address (the
 * server's own view of the address: forwarded headers are not trusted by default), and the password policy
 * naming the offending field.
 */
@PlatformTest
class SignInTest {

    @Autowired
    TestApi api;
    @Autowired
    TenantFixtures fixtures;

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSame401() {
        TenantFixtures.TestUser user = fixtures.newUser(ACME, TenantRole.AGENT);

        TestApi client = api.fromAnotherAddress();
        ApiResponse wrongPassword = client.tryLogin(user.email(), user.password() + "x");
        ApiResponse unknownEmail = client.tryLogin("nobody-" + user.email(), user.password());

        assertThat(wrongPassword).isProblem(401);
        assertThat(unknownEmail).isProblem(401);
        assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
        assertThat(wrongPassword.body()).doesNotContain(user.email());
    }

    @Test
    void theEmailIsCaseInsensitive() {
        TenantFixtures.TestUser user = fixtures.newUser(ACME, TenantRole.AGENT);

        assertThat(api.tryLogin("  " + user.email().toUpperCase() + " ", user.password())).hasStatus(200);
    }

    @Test
    void afterFiveFailuresFromOneAddressEvenTheRightPasswordGets429WhileAnotherAddressSignsIn() throws Exception {
        TenantFixtures.TestUser user = fixtures.newUser(ACME, TenantRole.AGENT);
        TestApi attacker = api.fromAnotherAddress();
        TestApi victim = api.fromAnotherAddress();

        for (int i = 0; i < LoginThrottle.FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
            assertThat(attacker.tryLogin(user.email(), "guess number " + i)).isProblem(401);
        }
        ApiResponse throttled = attacker.tryLogin(user.email(), user.password());

        assertThat(throttled).isProblem(429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
        assertThat(throttled.json().has("accessToken")).isFalse();
        assertThat(victim.tryLogin(user.email(), user.password())).hasStatus(200);
    }

    @Test
    void aBurstOfParallelGuessesIsThrottledLikeSequentialOnes() throws Exception {
        TenantFixtures.TestUser user = fixtures.newUser(ACME, TenantRole.AGENT);
        TestApi attacker = api.fromAnotherAddress();
        int burst = 12;
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<ApiResponse>> guesses = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(burst)) {
            for (int i = 0; i < burst; i++) {
                String guess = "parallel guess " + i;
                guesses.add(pool.submit(() -> {
                    go.await();
                    return attacker.tryLogin(user.email(), guess);
                }));
            }
            go.countDown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (var guess : guesses) {
            statuses.add(guess.get().status());
        }

        assertThat(statuses).isSubsetOf(401, 429);
        assertThat(statuses.stream().filter(s -> s == 401).count()).as("guesses actually checked: " + statuses)
                .isLessThanOrEqualTo(LoginThrottle.FAILURES_PER_ACCOUNT_AND_ADDRESS);
    }

    @Test
    void aForwardedForHeaderDoesNotChangeTheThrottledAddress() throws Exception {
        TenantFixtures.TestUser user = fixtures.newUser(ACME, TenantRole.AGENT);
        TestApi attacker = api.fromAnotherAddress();
        for (int i = 0; i < LoginThrottle.FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
            attacker.tryLogin(user.email(), "guess number " + i);
        }

        ApiResponse spoofed = attacker.request("POST", "/api/v1/auth/login")
                .header("X-Forwarded-For", "198.51.100.99").header("X-Real-IP", "198.51.100.99")
                .json(Map.of("email", user.email(), "password", user.password())).send();

        assertThat(spoofed).isProblem(429);
    }

    @Test
    void aTooShortNewPasswordIsRefusedNamingTheField() {
        assertRefusedNewPassword("Sh0rt!");
    }

    @Test
    void aTooLongNewPasswordIsRefusedNamingTheField() {
        assertRefusedNewPassword("a".repeat(129));
        assertRefusedNewPassword("a".repeat(5000));
    }

    @Test
    void aCommonNewPasswordIsRefusedNamingTheField() {
        assertRefusedNewPassword("password123");
        assertRefusedNewPassword("QWERTYUIOP");
    }

    @Test
    void aLongPassphraseIsAccepted() {
        TenantFixtures.TestUser user = fixtures.newUser(ACME, TenantRole.AGENT);
        String passphrase = "correct horse battery staple, and then some more words to reach 64+";
        assertThat(passphrase.length()).isGreaterThanOrEqualTo(64);

        ApiResponse changed = api.post("/api/v1/auth/password", api.login(user.email(), user.password()).accessToken(),
                Map.of("currentPassword", user.password(), "newPassword", passphrase));

        assertThat(changed).hasStatus(200);
        assertThat(api.tryLogin(user.email(), passphrase)).hasStatus(200);
    }

    private void assertRefusedNewPassword(String newPassword) {
        TenantFixtures.TestUser user = fixtures.newUser(ACME, TenantRole.AGENT);
        TestApi.Session session = api.login(user.email(), user.password());

        ApiResponse refused = api.post("/api/v1/auth/password", session.accessToken(),
                Map.of("currentPassword", user.password(), "newPassword", newPassword));

        assertThat(refused).namesInvalidField("newPassword");
        assertThat(refused.body()).doesNotContain(newPassword);
        assertThat(api.get("/api/v1/me", session.accessToken())).as("nothing changed").hasStatus(200);
        assertThat(api.tryLogin(user.email(), user.password())).hasStatus(200);
    }
}
