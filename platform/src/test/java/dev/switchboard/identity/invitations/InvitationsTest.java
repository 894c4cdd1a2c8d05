package dev.switchboard.identity.invitations;

import static dev.switchboard.ApiResponseAssert.assertThat;
import static dev.switchboard.TenantFixtures.ACME;
import static dev.switchboard.TenantFixtures.ACME_AGENT;
import static dev.switchboard.TenantFixtures.ACME_OWNER;
import static dev.switchboard.TenantFixtures.GLOBEX;
import static dev.switchboard.TenantFixtures.tenantId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ApiResponse;
import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestApi;
import dev.switchboard.identity.Member;
import dev.switchboard.identity.Members;
import dev.switchboard.shared.TenantRole;
import dev.switchboard.shared.db.OwnerDatabase;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Invitations: who may invite whom, one acceptance per link, and no way into an existing account. */
@PlatformTest
class InvitationsTest {

    private static final String INVITATIONS = "/api/v1/tenants/acme/invitations";
    private static final String ACCEPT = "/api/v1/invitations/accept";

    @Autowired
    TestApi api;
    @Autowired
    TenantFixtures fixtures;
    @Autowired
    Members members;
    @Autowired
    OwnerDatabase owner;

    @Test
    void anAdminInvitesAndTheLinksTokenCreatesTheUserWithTheRole() {
        String admin = adminToken();
        String email = uniqueEmail();

        ApiResponse invited = api.post(INVITATIONS, admin, Map.of("email", email.toUpperCase(), "role", "agent"));

        assertThat(invited).hasStatus(201);
        assertThat(invited.json().path("email").asString()).isEqualTo(email);
        assertThat(invited.json().path("role").asString()).isEqualTo("agent");
        String token = tokenOf(invited);
        ApiResponse accepted = accept(token, "New Agent", "A fine new passphrase");
        assertThat(accepted).hasStatus(200);
        UUID userId = UUID.fromString(accepted.json().path("userId").asString());

        assertThat(members.find(tenantId(ACME), userId)).map(Member::role).contains(TenantRole.AGENT);
        assertThat(members.find(tenantId(ACME), userId)).map(Member::displayName).contains("New Agent");
        assertThat(api.get(INVITATIONS, admin).json().findValuesAsString("email")).contains(email);
        assertThat(api.tryLogin(email, "A fine new passphrase")).hasStatus(200);
    }

    @Test
    void theInvitationTokenIsStoredOnlyAsAHash() {
        ApiResponse invited = api.post(INVITATIONS, fixtures.token(ACME_OWNER), Map.of("email", uniqueEmail(), "role", "agent"));
        String token = tokenOf(invited);

        String stored = owner.jdbc().sql("select i::text from invitations i where id = :id")
                .param("id", UUID.fromString(invited.json().path("id").asString())).query(String.class).single();

        assertThat(stored).doesNotContain(token.substring(token.indexOf('.') + 1));
    }

    @Test
    void anAgentCannotInviteOrListInvitations() {
        String agent = fixtures.token(ACME_AGENT);
        long before = invitationCount();

        assertThat(api.post(INVITATIONS, agent, Map.of("email", uniqueEmail(), "role", "agent"))).isProblem(403);
        assertThat(api.get(INVITATIONS, agent)).isProblem(403);
        assertThat(invitationCount()).isEqualTo(before);
    }

    @Test
    void anAdminCannotInviteAnOwner() {
        long before = invitationCount();

        assertThat(api.post(INVITATIONS, adminToken(), Map.of("email", uniqueEmail(), "role", "owner"))).isProblem(403);
        assertThat(invitationCount()).isEqualTo(before);
        assertThat(api.post(INVITATIONS, fixtures.token(ACME_OWNER), Map.of("email", uniqueEmail(), "role", "owner")))
                .as("an owner may").hasStatus(201);
    }

    @Test
    void anInvitationIsRefusedForABadEmailOrRole() {
        String admin = adminToken();

        assertThat(api.post(INVITATIONS, admin, Map.of("email", "not-an-email", "role", "agent"))).namesInvalidField("email");
        assertThat(api.post(INVITATIONS, admin, Map.of("email", uniqueEmail(), "role", "superuser"))).namesInvalidField("role");
        assertThat(api.post(INVITATIONS, admin, Map.of("role", "agent"))).namesInvalidField("email");
    }

    @Test
    void aSecondAcceptanceOfTheSameLinkFails() {
        String token = tokenOf(api.post(INVITATIONS, adminToken(), Map.of("email", uniqueEmail(), "role", "agent")));
        assertThat(accept(token, "First", "The first passphrase")).hasStatus(200);

        ApiResponse second = accept(token, "Second", "The second passphrase");

        assertThat(second).isProblem(404);
    }

    @Test
    void aForgedOrRetargetedTokenFindsNoInvitation() {
        String token = tokenOf(api.post(INVITATIONS, adminToken(), Map.of("email", uniqueEmail(), "role", "agent")));
        String secretPart = token.substring(token.indexOf('.') + 1);

        assertThat(accept(tenantId(GLOBEX) + "." + secretPart, null, "A fine passphrase")).isProblem(404);
        assertThat(accept(tenantId(ACME) + "." + secretPart + "x", null, "A fine passphrase")).isProblem(404);
        assertThat(accept("garbage", null, "A fine passphrase")).isProblem(404);
        assertThat(accept("not-a-uuid.abc", null, "A fine passphrase")).isProblem(404);
        assertThat(accept(token, null, "A fine passphrase")).as("the real one still works").hasStatus(200);
    }

    @Test
    void aWeakPasswordOnAcceptanceIsRefusedAndTheLinkStaysUsable() {
        String token = tokenOf(api.post(INVITATIONS, adminToken(), Map.of("email", uniqueEmail(), "role", "agent")));

        assertThat(accept(token, null, "short")).namesInvalidField("password");
        assertThat(accept(token, null, "password123")).namesInvalidField("password");
        assertThat(accept(token, null, "A strong enough passphrase")).hasStatus(200);
    }

    @Test
    void anInvitationForAnExistingEmailRequiresThatAccountsPassword() {
        TenantFixtures.TestUser existing = fixtures.newUser(GLOBEX, TenantRole.AGENT);
        String token = tokenOf(api.post(INVITATIONS, adminToken(), Map.of("email", existing.email(), "role", "agent")));

        ApiResponse wrong = accept(api.fromAnotherAddress(), token, "Hijacker", "Attacker's own passphrase");

        assertThat(wrong).namesInvalidField("password");
        assertThat(members.find(tenantId(ACME), existing.id())).isEmpty();
        assertThat(api.fromAnotherAddress().tryLogin(existing.email(), "Attacker's own passphrase")).isProblem(401);

        ApiResponse right = accept(token, "Ignored Name", existing.password());

        assertThat(right).hasStatus(200);
        assertThat(right.json().path("userId").asString()).isEqualTo(existing.id().toString());
        assertThat(members.find(tenantId(ACME), existing.id())).map(Member::role).contains(TenantRole.AGENT);
        assertThat(members.find(tenantId(GLOBEX), existing.id())).map(Member::role).contains(TenantRole.AGENT);
        assertThat(api.tryLogin(existing.email(), existing.password())).hasStatus(200);
    }

    @Test
    void anInvitationForAnExistingEmailCannotBeUsedToGuessItsPassword() throws Exception {
        TenantFixtures.TestUser victim = fixtures.newUser(GLOBEX, TenantRole.OWNER);
        String token = tokenOf(api.post(INVITATIONS, adminToken(), Map.of("email", victim.email(), "role", "agent")));
        TestApi guesser = api.fromAnotherAddress();

        for (int i = 0; i < 5; i++) {
            assertThat(accept(guesser, token, null, "guess number " + i)).isProblem(400);
        }
        ApiResponse throttled = accept(guesser, token, null, victim.password());

        assertThat(throttled).isProblem(429);
        assertThat(throttled.header("Retry-After")).isNotBlank();
        assertThat(members.find(tenantId(ACME), victim.id())).isEmpty();
        assertThat(accept(token, null, victim.password())).as("from the victim's own address").hasStatus(200);
    }

    private String adminToken() {
        var admin = fixtures.newUser(ACME, TenantRole.ADMIN);
        return api.login(admin.email(), admin.password()).accessToken();
    }

    private ApiResponse accept(String token, String displayName, String password) {
        return accept(api, token, displayName, password);
    }

    private static ApiResponse accept(TestApi client, String token, String displayName, String password) {
        Map<String, String> body = new HashMap<>();
        body.put("token", token);
        Optional.ofNullable(displayName).ifPresent(n -> body.put("displayName", n));
        body.put("password", password);
        return client.post(ACCEPT, null, body);
    }

    private static String tokenOf(ApiResponse invited) {
        assertThat(invited).hasStatus(201);
        String link = invited.json().path("link").asString();
        assertThat(link).startsWith("/app/invite/");
        return link.substring("/app/invite/".length());
    }

    private long invitationCount() {
        return owner.jdbc().sql("select count(*) from invitations where tenant_id = :t").param("t", tenantId(ACME))
                .query(Long.class).single();
    }

    private static String uniqueEmail() {
        return "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }
}
