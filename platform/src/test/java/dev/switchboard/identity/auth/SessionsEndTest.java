package dev.switchboard.identity.auth;

import static dev.switchboard.ApiResponseAssert.assertThat;
import static dev.switchboard.TenantFixtures.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ApiResponse;
import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestApi;
import dev.switchboard.TestApi.Session;
import dev.switchboard.shared.TenantRole;
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
        assertThat(api.tryLogin(user.email(), user.password())).isProblem(401);
        assertThat(api.tryLogin(user.email(), newPassword)).hasStatus(200);
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        Session session = api.login(user.email(), user.password());

        ApiResponse refused = api.post("/api/v1/auth/password", session.accessToken(),
                Map.of("currentPassword", "not the password", "newPassword", "Another long passphrase"));

        assertThat(refused.status()).as(refused.describe()).isIn(400, 401, 403);
        assertThat(refused.isProblem()).as(refused.describe()).isTrue();
        assertThat(api.get("/api/v1/me", session.accessToken())).hasStatus(200);
        assertThat(api.refresh(session.refreshToken())).hasStatus(200);
        assertThat(api.tryLogin(user.email(), user.password())).hasStatus(200);
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
        ApiResponse disabledLogin = api.tryLogin(user.email(), user.password());
        assertThat(disabledLogin).isProblem(401);
        assertThat(disabledLogin.body()).isEqualTo(api.tryLogin("nobody-" + user.email(), user.password()).body());

        sessions.setDisabled(user.id(), false);

        assertThat(api.get("/api/v1/me", laptop.accessToken())).as("re-enabling revives no old session").isProblem(401);
        assertThat(api.refresh(phone.refreshToken())).isProblem(401);
        assertThat(api.tryLogin(user.email(), user.password())).hasStatus(200);
    }
}
