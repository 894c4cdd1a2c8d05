package dev.switchboard.demo;

import static dev.switchboard.ApiResponseAssert.assertThat;
import static dev.switchboard.TenantFixtures.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.ApiResponse;
import dev.switchboard.PlatformTest;
import dev.switchboard.TestApi;
import dev.switchboard.TestPlatform;
import dev.switchboard.TenantFixtures;
import dev.switchboard.identity.Member;
import dev.switchboard.identity.Members;
import dev.switchboard.shared.TenantRole;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.tenant.Tenants;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformTest
class DemoSeedingTest {

    @Autowired
    TestApi api;
    @Autowired
    Members members;
    @Autowired
    TenantSecrets secrets;
    @Autowired
    Tenants tenants;

    @Test
    void theDemoUsersExistWithTheirRolesAfterStart() {
        assertThat(members.of(TenantFixtures.tenantId(ACME)))
                .filteredOn(m -> m.email().endsWith("@acme.test"))
                .extracting(Member::email, Member::role, Member::disabled)
                .contains(tuple("admin@acme.test", TenantRole.OWNER, false),
                        tuple("agent@acme.test", TenantRole.AGENT, false),
                        tuple("agent2@acme.test", TenantRole.AGENT, false));
    }

    @Test
    void theDemoAdminSignsInThroughTheLoginRoute() {
        ApiResponse login = api.post("/api/v1/auth/login", null,
                Map.of("email", "admin@acme.test", "password", TestPlatform.DEMO_PASSWORD));

        assertThat(login).hasStatus(200);
        assertThat(login.json().path("accessToken").asString()).isNotBlank();
        assertThat(login.json().path("refreshToken").asString()).isNotBlank();
        assertThat(login.json().path("expiresIn").asLong()).isPositive();

        ApiResponse me = api.get("/api/v1/me", login.json().path("accessToken").asString());
        assertThat(me).hasStatus(200);
        assertThat(me.json().path("email").asString()).isEqualTo("admin@acme.test");
        assertThat(me.json().path("tenants").get(0).path("slug").asString()).isEqualTo(ACME);
        assertThat(me.json().path("tenants").get(0).path("role").asString()).isEqualTo("owner");
    }

    @Test
    void theBusinessApiTokenIsSeededAsTheDemoTenantsSecret() {
        assertThat(secrets.reveal(TenantFixtures.tenantId(ACME), "business_api_token"))
                .contains(TestPlatform.BUSINESS_API_TOKEN);
    }

    @Test
    void theOperatorsEndpointOverridePointsTheDemoTenantAtItsBusinessApi() {
        var endpoint = tenants.find(ACME).orElseThrow().endpoints().get("business_api");

        assertThat(endpoint.url()).isEqualTo(TestPlatform.installation().businessApi().baseUrl().toString());
        assertThat(endpoint.privateNetworkAllowed()).isTrue();
    }
}
