package dev.switchboard.tenant.config;

import static dev.switchboard.ApiResponseAssert.assertThat;
import static dev.switchboard.TenantFixtures.ACME;
import static dev.switchboard.TenantFixtures.ACME_AGENT;
import static dev.switchboard.TenantFixtures.ACME_OWNER;
import static dev.switchboard.TenantFixtures.tenantId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ApiResponse;
import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestApi;
import dev.switchboard.shared.db.OwnerDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Screen 04's API: settings show where they come from; edits are validated as a batch, versioned with who,
 * when, old and new, reset, paged and reverted; agents may read but not change them.
 */
@PlatformTest
class ConfigOverridesTest {

    private static final String CONFIG = "/api/v1/tenants/acme/config";
    private static final List<String> TOUCHED = List.of("agent.temperature", "agent.maxTokens", "agent.greeting",
            "agent.enabledTools");

    @Autowired
    TestApi api;
    @Autowired
    TenantFixtures fixtures;
    @Autowired
    OwnerDatabase owner;

    String admin;

    @BeforeEach
    void startFromTheDirectoryValues() {
        admin = fixtures.token(ACME_OWNER);
        resetTouchedSettings();
    }

    @AfterEach
    void leaveTheDirectoryValues() {
        resetTouchedSettings();
    }

    @Test
    void everySettingShowsItsValueAndWhereItComesFrom() {
        ApiResponse shown = api.get(CONFIG, fixtures.token(ACME_AGENT));

        assertThat(shown).hasStatus(200);
        assertThat(shown.json().path("settings").findValuesAsString("key")).contains("agent.model", "agent.temperature",
                "agent.greeting", "agent.systemPrompt", "agent.enabledTools", "agent.fallbackToFlow");
        JsonNode temperature = setting(shown, "agent.temperature");
        assertThat(temperature.path("source").asString()).isEqualTo("directory");
        assertThat(temperature.path("value").asDouble()).isEqualTo(0.3);
        assertThat(temperature.path("directoryValue").asDouble()).isEqualTo(0.3);
        assertThat(temperature.path("description").asString()).isNotBlank();

        api.patch(CONFIG, admin, Map.of("agent.temperature", 0.7));

        JsonNode overridden = setting(api.get(CONFIG, admin), "agent.temperature");
        assertThat(overridden.path("source").asString()).isEqualTo("override");
        assertThat(overridden.path("value").asDouble()).isEqualTo(0.7);
        assertThat(overridden.path("directoryValue").asDouble()).isEqualTo(0.3);
    }

    @Test
    void aPartiallyInvalidBatchIsRefusedWithEveryFieldNamedAndNothingWritten() {
        long historyBefore = historySize();

        ApiResponse refused = api.patch(CONFIG, admin, Map.of("agent.temperature", 0.9, "agent.maxTokens", 0,
                "agent.greeting", Map.of("fr", "Bonjour"), "agent.unknown", true));

        assertThat(refused).namesInvalidField("agent.maxTokens").namesInvalidField("agent.greeting")
                .namesInvalidField("agent.unknown");
        assertThat(refused.json().path("errors").findValuesAsString("field")).doesNotContain("agent.temperature");
        assertThat(historySize()).isEqualTo(historyBefore);
        assertThat(setting(api.get(CONFIG, admin), "agent.temperature").path("source").asString()).isEqualTo("directory");
    }

    @Test
    void aWrongTypeIsRefusedNamingTheSetting() {
        assertThat(api.patch(CONFIG, admin, Map.of("agent.temperature", "hot"))).namesInvalidField("agent.temperature");
        assertThat(api.patch(CONFIG, admin, Map.of("agent.enabledTools", List.of("Not A Tool!"))))
                .namesInvalidField("agent.enabledTools");
        assertThat(api.patch(CONFIG, admin, Map.of())).isProblem(400);
        assertThat(api.patch(CONFIG, admin, "[1, 2]")).isProblem(400);
        assertThat(api.patch(CONFIG, admin, "{\"agent.temperature\": ")).isProblem(400);
    }

    @Test
    void anEditRecordsWhoWhenTheOldValueAndTheNew() {
        Instant before = Instant.now().minusSeconds(5);
        var ownerId = fixtures.user(ACME_OWNER).id();

        assertThat(api.patch(CONFIG, admin, Map.of("agent.temperature", 0.7))).hasStatus(200);
        assertThat(api.patch(CONFIG, admin, Map.of("agent.temperature", 0.8))).hasStatus(200);

        JsonNode shown = setting(api.get(CONFIG, admin), "agent.temperature");
        assertThat(shown.path("changedBy").asString()).isEqualTo(ownerId.toString());
        assertThat(Instant.parse(shown.path("changedAt").asString())).isAfter(before);
        List<JsonNode> history = history("?key=agent.temperature&limit=2");
        assertThat(history.get(0).path("oldValue").asDouble()).isEqualTo(0.7);
        assertThat(history.get(0).path("newValue").asDouble()).isEqualTo(0.8);
        assertThat(history.get(0).path("changedBy").asString()).isEqualTo(ownerId.toString());
        assertThat(history.get(0).path("version").asLong()).isEqualTo(shown.path("version").asLong());
        assertThat(history.get(1).path("oldValue").isNull() || history.get(1).path("oldValue").isMissingNode()).isTrue();
        assertThat(history.get(1).path("newValue").asDouble()).isEqualTo(0.7);
    }

    @Test
    void deleteResetsTheSettingToTheDirectoryValue() {
        api.patch(CONFIG, admin, Map.of("agent.maxTokens", 2048));

        assertThat(api.delete(CONFIG + "/agent.maxTokens", admin)).hasStatus(204);

        JsonNode shown = setting(api.get(CONFIG, admin), "agent.maxTokens");
        assertThat(shown.path("source").asString()).isEqualTo("directory");
        assertThat(shown.path("value").asInt()).isEqualTo(1024);
        JsonNode newest = history("?key=agent.maxTokens&limit=1").getFirst();
        assertThat(newest.path("oldValue").asInt()).isEqualTo(2048);
        assertThat(newest.path("newValue").isNull() || newest.path("newValue").isMissingNode()).isTrue();
        assertThat(api.delete(CONFIG + "/agent.nonexistent", admin)).namesInvalidField("agent.nonexistent");
    }

    @Test
    void theHistoryPagesNewestFirst() {
        for (int tokens = 100; tokens <= 500; tokens += 100) {
            assertThat(api.patch(CONFIG, admin, Map.of("agent.maxTokens", tokens))).hasStatus(200);
        }

        List<JsonNode> first = history("?key=agent.maxTokens&limit=2");
        List<JsonNode> second = history("?key=agent.maxTokens&limit=2&before=" + first.get(1).path("version").asLong());

        assertThat(first).extracting(n -> n.path("newValue").asInt()).containsExactly(500, 400);
        assertThat(second).extracting(n -> n.path("newValue").asInt()).containsExactly(300, 200);
        assertThat(second.get(0).path("version").asLong()).isLessThan(first.get(1).path("version").asLong());
        assertThat(api.get(CONFIG + "/history?limit=abc", admin)).isProblem(400);
    }

    @Test
    void aRevertRestoresTheValueAChangeReplaced() {
        api.patch(CONFIG, admin, Map.of("agent.greeting", Map.of("en", "Hello A")));
        ApiResponse second = api.patch(CONFIG, admin, Map.of("agent.greeting", Map.of("en", "Hello B", "es", "Hola B")));
        long secondVersion = setting(second, "agent.greeting").path("version").asLong();
        long firstVersion = history("?key=agent.greeting&limit=2").get(1).path("version").asLong();

        ApiResponse reverted = api.post(CONFIG + "/history/" + secondVersion + "/revert", admin, null);

        assertThat(reverted).hasStatus(200);
        assertThat(reverted.json().path("revertedVersion").asLong()).isEqualTo(secondVersion);
        assertThat(setting(api.get(CONFIG, admin), "agent.greeting").path("value").path("en").asString()).isEqualTo("Hello A");

        assertThat(api.post(CONFIG + "/history/" + firstVersion + "/revert", admin, null)).hasStatus(200);
        JsonNode greeting = setting(api.get(CONFIG, admin), "agent.greeting");
        assertThat(greeting.path("source").asString()).as("reverting the first override removes it").isEqualTo("directory");
        assertThat(api.post(CONFIG + "/history/999999999/revert", admin, null)).isProblem(404);
    }

    @Test
    void anAgentMayReadButNotChangeTheConfiguration() {
        String agent = fixtures.token(ACME_AGENT);
        api.patch(CONFIG, admin, Map.of("agent.maxTokens", 777));
        long version = history("?limit=1").getFirst().path("version").asLong();
        long historyBefore = historySize();

        assertThat(api.get(CONFIG, agent)).hasStatus(200);
        assertThat(api.get(CONFIG + "/history", agent)).hasStatus(200);
        assertThat(api.patch(CONFIG, agent, Map.of("agent.temperature", 1.5))).isProblem(403);
        assertThat(api.delete(CONFIG + "/agent.maxTokens", agent)).isProblem(403);
        assertThat(api.post(CONFIG + "/history/" + version + "/revert", agent, null)).isProblem(403);
        assertThat(historySize()).isEqualTo(historyBefore);
        assertThat(setting(api.get(CONFIG, admin), "agent.maxTokens").path("value").asInt()).isEqualTo(777);
    }

    @Test
    void twoConcurrentEditsGetDistinctConsecutiveVersions() throws Exception {
        long newestBefore = history("?limit=1").stream().mapToLong(n -> n.path("version").asLong()).max().orElse(0);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ApiResponse>> edits = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (double value : new double[] {1.1, 1.2}) {
                edits.add(pool.submit(() -> {
                    go.await();
                    return api.patch(CONFIG, admin, Map.of("agent.temperature", value));
                }));
            }
            go.countDown();
        }
        for (Future<ApiResponse> edit : edits) {
            assertThat(edit.get(30, java.util.concurrent.TimeUnit.SECONDS)).hasStatus(200);
        }

        List<JsonNode> newest = history("?key=agent.temperature&limit=2");
        long top = newest.get(0).path("version").asLong();
        assertThat(newest.get(1).path("version").asLong()).isEqualTo(top - 1);
        assertThat(newest.get(1).path("version").asLong()).isGreaterThan(newestBefore);
        assertThat(newest.get(0).path("oldValue").asDouble()).as("the later edit saw the earlier one")
                .isEqualTo(newest.get(1).path("newValue").asDouble());
        assertThat(setting(api.get(CONFIG, admin), "agent.temperature").path("value").asDouble())
                .isEqualTo(newest.get(0).path("newValue").asDouble());
    }

    private void resetTouchedSettings() {
        for (String key : TOUCHED) {
            if (owner.jdbc().sql("select count(*) from config_overrides where tenant_id = :t and key = :k")
                    .param("t", tenantId(ACME)).param("k", key).query(Long.class).single() > 0) {
                assertThat(api.delete(CONFIG + "/" + key, admin)).hasStatus(204);
            }
        }
    }

    private List<JsonNode> history(String query) {
        ApiResponse response = api.get(CONFIG + "/history" + query, admin);
        assertThat(response).hasStatus(200);
        List<JsonNode> entries = new ArrayList<>();
        response.json().forEach(entries::add);
        return entries;
    }

    private long historySize() {
        return owner.jdbc().sql("select count(*) from config_override_history where tenant_id = :t")
                .param("t", tenantId(ACME)).query(Long.class).single();
    }

    private static JsonNode setting(ApiResponse response, String key) {
        for (JsonNode setting : response.json().path("settings")) {
            if (key.equals(setting.path("key").asString())) {
                return setting;
            }
        }
        throw new AssertionError("no setting " + key + " in " + response.describe());
    }
}
