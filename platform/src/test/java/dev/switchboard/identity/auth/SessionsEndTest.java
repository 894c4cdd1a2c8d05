package dev.switchboard.identity.auth;

import static dev.switchboard.ApiResponseAssert.assertThat;
import static dev.switchboard.TenantFixtures.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ApiResponse;
import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestApi;
import dev.switchboard.TestApi.Session;
import dev.switchboard.shared.TenantRole;
import dev.switchboard.shared.db.OwnerDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A password change or a disable ends every session of the user, on every device, at once. */
@PlatformTest
class SessionsEndTest {

    @Autowired
    TestApi api;
    @Autowired
    TenantFixtures fixtures;
    @Autowired
    Sessions sessions;
    @Autowired
    OwnerDatabase owner;

    TenantFixtures.TestUser user;

    @BeforeEach
    void newUser() {
        user = fixtures.newUser(ACME, TenantRole.ADMIN);
    }

    @Test
    void aPasswordChangeEndsEverySession() {
        Session laptop = api.login(user.email(), user.password());
        Session phone = api.login(user.email(), user.password());
        Session phoneRotated = Session.of(api.refresh(phone.refreshToken()));
        String newPassword = "A new passphrase, long enough";

        ApiResponse changed = api.post("/api/v1/auth/password", laptop.accessToken(),
                Map.of("currentPassword", user.password(), "newPassword", newPassword));

        assertThat(changed).hasStatus(200);
        for (String accessToken : new String[] {laptop.accessToken(), phone.accessToken(), phoneRotated.accessToken()}) {
            assertThat(api.get("/api/v1/me", accessToken)).isProblem(401);
            assertThat(api.get("/api/v1/tenants/acme", accessToken)).isProblem(401);
        }
        assertThat(api.refresh(laptop.refreshToken())).isProblem(401);
        assertThat(api.refresh(phoneRotated.refreshToken())).isProblem(401);

        Session fresh = Session.of(changed);
        assertThat(api.get("/api/v1/me", fresh.accessToken())).hasStatus(200);
        assertThat(api.refresh(fresh.refreshToken())).hasStatus(200);
        assertThat(api.fromAnotherAddress().tryLogin(user.email(), user.password())).isProblem(401);
        assertThat(api.tryLogin(user.email(), newPassword)).hasStatus(200);
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        Session session = api.login(user.email(), user.password());

        ApiResponse refused = api.fromAnotherAddress().post("/api/v1/auth/password", session.accessToken(),
                Map.of("currentPassword", "not the password", "newPassword", "Another long passphrase"));

        assertThat(refused.status()).as(refused.describe()).isIn(400, 401, 403);
        assertThat(refused.isProblem()).as(refused.describe()).isTrue();
        assertThat(api.get("/api/v1/me", session.accessToken())).hasStatus(200);
        assertThat(api.refresh(session.refreshToken())).hasStatus(200);
        assertThat(api.tryLogin(user.email(), user.password())).hasStatus(200);
    }

    @Test
    void aStolenAccessTokenCannotBeUsedToGuessThePassword() throws Exception {
        Session session = api.login(user.email(), user.password());
        TestApi thief = api.fromAnotherAddress();

        for (int i = 0; i < LoginThrottle.FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
            ApiResponse guess = thief.post("/api/v1/auth/password", session.accessToken(),
                    Map.of("currentPassword", "guess number " + i, "newPassword", "The thief's own passphrase"));
            assertThat(guess.status()).as(guess.describe()).isIn(400, 401, 403);
        }
        ApiResponse throttled = thief.post("/api/v1/auth/password", session.accessToken(),
                Map.of("currentPassword", user.password(), "newPassword", "The thief's own passphrase"));

        assertThat(throttled).isProblem(429);
        assertThat(api.tryLogin(user.email(), user.password())).as("the password is unchanged").hasStatus(200);
    }

    @Test
    void disablingAUserEndsEverySessionAndSignInStopsWorking() {
        Session laptop = api.login(user.email(), user.password());
        Session phone = api.login(user.email(), user.password());

        sessions.setDisabled(user.id(), true);

        assertThat(api.get("/api/v1/me", laptop.accessToken())).isProblem(401);
        assertThat(api.get("/api/v1/me", phone.accessToken())).isProblem(401);
        assertThat(api.refresh(laptop.refreshToken())).isProblem(401);
        assertThat(api.refresh(phone.refreshToken())).isProblem(401);
        TestApi client = api.fromAnotherAddress();
        ApiResponse disabledLogin = client.tryLogin(user.email(), user.password());
        assertThat(disabledLogin).isProblem(401);
        assertThat(disabledLogin.body()).isEqualTo(client.tryLogin("nobody-" + user.email(), user.password()).body());

        sessions.setDisabled(user.id(), false);

        assertThat(api.get("/api/v1/me", laptop.accessToken())).as("re-enabling revives no old session").isProblem(401);
        assertThat(api.refresh(phone.refreshToken())).isProblem(401);
        assertThat(api.tryLogin(user.email(), user.password())).hasStatus(200);
    }

    /**
     * A sign-in that checked the old password just before a password change committed must not come out with a
     * live session. The owner's connection plays the password change (new epoch, tokens revoked) and holds it
     * uncommitted while the sign-in runs.
     */
    @Test
    void aSignInRacingAPasswordChangeGetsNoSurvivingSession() throws Exception {
        try (ExecutorService pool = Executors.newSingleThreadExecutor(); Connection change = owner.connect()) {
            change.setAutoCommit(false);
            endSessionsUncommitted(change);

            TestApi client = api.fromAnotherAddress();
            Future<ApiResponse> signIn = pool.submit(() -> client.tryLogin(user.email(), user.password()));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> signIn.isDone() || owner.applicationConnectionsWaitingForALock() > 0);
            change.commit();

            assertNoLiveSession(signIn.get(10, TimeUnit.SECONDS));
        }
    }

    /**
     * A refresh in flight while the password changes must not leave a live token behind. The owner's table lock
     * stops the refresh after it locked its token and before it wrote the next one; the password change is then
     * started and both are let go together.
     */
    @Test
    void aRefreshRacingAPasswordChangeLeavesNoLiveToken() throws Exception {
        Session session = api.login(user.email(), user.password());
        try (ExecutorService pool = Executors.newFixedThreadPool(2); Connection gate = owner.connect()) {
            gate.setAutoCommit(false);
            execute(gate, "lock table refresh_tokens in share row exclusive mode");

            Future<ApiResponse> refresh = pool.submit(() -> api.refresh(session.refreshToken()));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> owner.applicationConnectionsWaitingForALock() >= 1);
            Future<ApiResponse> change = pool.submit(() -> api.post("/api/v1/auth/password", session.accessToken(),
                    java.util.Map.of("currentPassword", user.password(), "newPassword", "Changed during a refresh")));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> owner.applicationConnectionsWaitingForALock() >= 2);
            gate.rollback();

            assertThat(change.get(10, TimeUnit.SECONDS)).hasStatus(200);
            assertNoLiveSession(refresh.get(10, TimeUnit.SECONDS));
        }
    }

    private void assertNoLiveSession(ApiResponse issued) {
        if (issued.status() == 200) {
            Session survivor = Session.of(issued);
            assertThat(api.get("/api/v1/me", survivor.accessToken())).isProblem(401);
            assertThat(api.refresh(survivor.refreshToken())).as("a refresh token issued across the change").isProblem(401);
        } else {
            assertThat(issued).isProblem(401);
        }
    }

    /** What a password change does to the database, left uncommitted on {@code connection}. */
    private void endSessionsUncommitted(Connection connection) throws SQLException {
        execute(connection, "update users set session_epoch = session_epoch + 1, password_hash = 'changed' where id = '"
                + user.id() + "'");
        execute(connection, "update refresh_tokens set revoked_at = now() where revoked_at is null and user_id = '"
                + user.id() + "'");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
