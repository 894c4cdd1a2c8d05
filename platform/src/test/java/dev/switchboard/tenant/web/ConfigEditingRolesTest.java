package dev.switchboard.tenant.web;

import static dev.switchboard.ApiResponseAssert.assertThat;
import static dev.switchboard.TenantFixtures.ACME_AGENT;
import static dev.switchboard.TenantFixtures.ACME_OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ApiResponse;
import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Screen 04: agents may read the agent configuration but never change it; admins and owners may. */
@PlatformTest
class ConfigEditingRolesTest {

    private static final String CONFIG = "/api/v1/tenants/acme/config";

    @Autowired
    TestApi api;
    @Autowired
    TenantFixtures fixtures;

    @Test
    void anAgentReadsTheConfigurationButEveryEditIsRefusedWith403() {
        String agent = fixtures.token(ACME_AGENT);
        assertThat(api.get(CONFIG, agent)).hasStatus(200);
        assertThat(api.get(CONFIG + "/history", agent)).hasStatus(200);
        long versionsBefore = api.get(CONFIG + "/history", agent).json().size();

        assertThat(api.patch(CONFIG, agent, Map.of("agent.temperature", 1.1))).isProblem(403);
        assertThat(api.delete(CONFIG + "/agent.temperature", agent)).isProblem(403);
        assertThat(api.post(CONFIG + "/history/1/revert", agent, null)).isProblem(403);

        assertThat(api.get(CONFIG + "/history", agent).json().size()).isEqualTo(versionsBefore);
    }

    @Test
    void anOwnerEditsWithFieldErrorsForInvalidValuesAndCanRevert() {
        String owner = fixtures.token(ACME_OWNER);
        double before = temperature(api.get(CONFIG, owner));
        assertThat(api.patch(CONFIG, owner, Map.of("agent.temperature", 7))).namesInvalidField("agent.temperature");

        assertThat(temperature(api.patch(CONFIG, owner, Map.of("agent.temperature", 1.25)))).isEqualTo(1.25);
        long version = api.get(CONFIG + "/history?key=agent.temperature&limit=1", owner).json().get(0)
                .path("version").asLong();
        assertThat(api.post(CONFIG + "/history/" + version + "/revert", owner, null)).hasStatus(200);

        assertThat(temperature(api.get(CONFIG, owner))).isEqualTo(before);
    }

    private static double temperature(ApiResponse view) {
        return view.json().path("settings").valueStream().filter(s -> s.path("key").asString().equals("agent.temperature"))
                .findFirst().orElseThrow().path("value").asDouble();
    }
}
