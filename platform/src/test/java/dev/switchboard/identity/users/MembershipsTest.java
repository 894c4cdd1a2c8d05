package dev.switchboard.identity.users;

import static dev.switchboard.ApiResponseAssert.assertThat;
import static dev.switchboard.TenantFixtures.ACME;
import static dev.switchboard.TenantFixtures.GLOBEX;
import static dev.switchboard.TenantFixtures.tenantId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestApi;
import dev.switchboard.identity.Member;
import dev.switchboard.identity.Members;
import dev.switchboard.shared.TenantRole;
import dev.switchboard.shared.TenantScope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person may belong to several tenants with different roles. Inside one tenant's request (tenant and user
 * both bound, as the tenant route filter binds them) only that tenant's membership counts.
 */
@PlatformTest
class MembershipsTest {

    @Autowired
    Memberships memberships;
    @Autowired
    Members members;
    @Autowired
    TenantFixtures fixtures;
    @Autowired
    TestApi api;

    @Test
    void insideATenantsRequestAMemberOfTwoTenantsHasThatTenantsRole() throws Exception {
        var user = fixtures.newUser(Map.of(ACME, TenantRole.AGENT, GLOBEX, TenantRole.OWNER));

        Optional<TenantRole> role = TenantScope.callChecked(tenantId(ACME), user.id(),
                () -> memberships.roleOf(tenantId(ACME), user.id()));

        assertThat(role).contains(TenantRole.AGENT);
    }

    @Test
    void insideATenantsRequestTheMemberListHoldsOnlyThatTenantsMembers() throws Exception {
        var user = fixtures.newUser(Map.of(ACME, TenantRole.AGENT, GLOBEX, TenantRole.OWNER));

        List<Member> acmeMembers = TenantScope.callChecked(tenantId(ACME), user.id(), () -> members.of(tenantId(ACME)));
        Optional<Member> found = TenantScope.callChecked(tenantId(ACME), user.id(), () -> members.find(tenantId(ACME), user.id()));

        assertThat(acmeMembers).filteredOn(m -> m.userId().equals(user.id())).extracting(Member::role)
                .containsExactly(TenantRole.AGENT);
        assertThat(acmeMembers).extracting(Member::email).doesNotContain(TenantFixtures.GLOBEX_OWNER);
        assertThat(found).map(Member::role).contains(TenantRole.AGENT);
    }

    @Test
    void anAdminOfOneTenantWhoOwnsAnotherInvitesWithTheAdminRoleOnly() {
        var user = fixtures.newUser(Map.of(ACME, TenantRole.ADMIN, GLOBEX, TenantRole.OWNER));
        String token = api.login(user.email(), user.password()).accessToken();

        assertThat(api.post("/api/v1/tenants/acme/invitations", token, Map.of("email", "helper@acme.test", "role", "agent")))
                .hasStatus(201);
        assertThat(api.post("/api/v1/tenants/acme/invitations", token, Map.of("email", "boss@acme.test", "role", "owner")))
                .isProblem(403);
    }

    @Test
    void theCallerSeesTheirOwnMembershipsAcrossTenants() {
        var user = fixtures.newUser(Map.of(ACME, TenantRole.AGENT, GLOBEX, TenantRole.ADMIN));

        assertThat(memberships.ofUser(user.id())).extracting(Memberships.TenantMembership::role)
                .containsExactlyInAnyOrder(TenantRole.AGENT, TenantRole.ADMIN);
        var me = api.get("/api/v1/me", api.login(user.email(), user.password()).accessToken());
        assertThat(me).hasStatus(200);
        assertThat(me.json().path("tenants").findValuesAsString("role")).containsExactlyInAnyOrder("agent", "admin");
    }
}
