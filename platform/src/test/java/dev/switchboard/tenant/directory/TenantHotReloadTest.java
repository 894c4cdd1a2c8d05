package dev.switchboard.tenant.directory;

import static dev.switchboard.ApiResponseAssert.assertThat;
import static dev.switchboard.TenantFixtures.ACME;
import static dev.switchboard.TenantFixtures.ACME_AGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ApiResponse;
import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TenantsFolder;
import dev.switchboard.TestApi;
import dev.switchboard.TestPlatform;
import dev.switchboard.shared.db.OwnerDatabase;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.TenantProblem;
import dev.switchboard.tenant.Tenants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Editing a tenant directory of the running platform: a broken edit is refused with a problem naming file,
 * line and field while the previous version keeps serving; a fixed one applies; a new directory is served
 * without a restart. Acme's original files are put back after each test.
 */
@PlatformTest
class TenantHotReloadTest {

    private static final String NAME = "name: Acme Home Services";

    @Autowired
    Tenants tenants;
    @Autowired
    TenantsFolder folder;
    @Autowired
    TestApi api;
    @Autowired
    TenantFixtures fixtures;
    @Autowired
    OwnerDatabase owner;

    private String originalYaml;
    private String originalVersion;

    @BeforeEach
    void rememberAcme() {
        originalYaml = folder.read(ACME, "tenant.yaml");
        originalVersion = acme().version();
        assertThat(tenants.problems(ACME)).isEmpty();
    }

    @AfterEach
    void restoreAcme() {
        folder.restore(ACME);
        eventually().until(() -> tenants.problems(ACME).isEmpty() && acme().version().equals(originalVersion));
    }

    @Test
    void invalidYamlIsRefusedNamingFileAndLineWhileThePreviousVersionKeepsServing() {
        folder.write(ACME, "tenant.yaml", originalYaml.replace("timezone: Europe/Madrid", "timezone: [Europe/Madrid"));

        TenantProblem problem = awaitProblem();

        assertThat(problem.file()).isEqualTo("acme/tenant.yaml");
        assertThat(problem.line()).isNotNull().isGreaterThanOrEqualTo(lineOf(originalYaml, "timezone:"));
        assertThat(problem.message()).contains("YAML");
        assertStillServingTheOriginal();
        assertProblemShownByTheApi("acme/tenant.yaml", problem.line(), "");
    }

    @Test
    void aSchemaViolationIsRefusedNamingFileLineAndField() {
        folder.write(ACME, "tenant.yaml", originalYaml.replace("temperature: 0.3", "temperature: 9"));

        TenantProblem problem = awaitProblem();

        assertThat(problem.file()).isEqualTo("acme/tenant.yaml");
        assertThat(problem.field()).isEqualTo("/agent/temperature");
        assertThat(problem.line()).isEqualTo(lineOf(originalYaml, "  temperature: 0.3"));
        assertThat(problem.message()).contains("2");
        assertStillServingTheOriginal();
        assertProblemShownByTheApi("acme/tenant.yaml", problem.line(), "/agent/temperature");
    }

    @Test
    void aMissingPromptFileIsRefusedNamingTheFieldThatPointsToIt() {
        folder.delete(ACME, "prompts/system.md");

        TenantProblem problem = awaitProblem();

        assertThat(problem.file()).isEqualTo("acme/tenant.yaml");
        assertThat(problem.field()).isEqualTo("/agent/systemPromptFile");
        assertThat(problem.line()).isEqualTo(lineOf(originalYaml, "  systemPromptFile:"));
        assertThat(problem.message()).contains("prompts/system.md");
        assertStillServingTheOriginal();
        assertThat(acme().systemPrompt()).contains("Acme Home Services");
    }

    @Test
    void everyProblemOfOneEditIsReportedAtOnce() {
        folder.write(ACME, "tenant.yaml", originalYaml.replace("temperature: 0.3", "temperature: 9")
                .replace("maxTokens: 1024", "maxTokens: 0"));

        eventually().until(() -> tenants.problems(ACME).size() >= 2);

        assertThat(tenants.problems(ACME)).extracting(TenantProblem::field)
                .contains("/agent/temperature", "/agent/maxTokens");
    }

    @Test
    void aFixedFileIsAppliedAndClearsTheProblems() {
        folder.write(ACME, "tenant.yaml", originalYaml.replace("temperature: 0.3", "temperature: 9"));
        awaitProblem();

        folder.write(ACME, "tenant.yaml", originalYaml.replace(NAME, "name: Acme Home Services (edited)")
                .replace("temperature: 0.3", "temperature: 0.5"));

        eventually().until(() -> acme().name().equals("Acme Home Services (edited)"));
        assertThat(tenants.problems(ACME)).isEmpty();
        assertThat(acme().agent().temperature()).isEqualTo(0.5);
        assertThat(acme().version()).isNotEqualTo(originalVersion);
        ApiResponse shown = api.get("/api/v1/tenants/acme", fixtures.token(ACME_AGENT));
        assertThat(shown).hasStatus(200);
        assertThat(shown.json().path("name").asString()).isEqualTo("Acme Home Services (edited)");
        assertThat(shown.json().path("problems").isEmpty()).isTrue();
        assertThat(owner.jdbc().sql("select name from tenants where slug = 'acme'").query(String.class).single())
                .isEqualTo("Acme Home Services (edited)");
    }

    @Test
    void aNewTenantDirectoryIsServedWithoutARestart() {
        assertThat(tenants.find("initech")).isEmpty();
        try {
            folder.addTenant("initech", TestPlatform.fixtureTenant("globex"),
                    yaml -> yaml.replace("name: Globex Corporation", "name: Initech"));

            eventually().until(() -> tenants.find("initech").isPresent());

            TenantDefinition initech = tenants.find("initech").orElseThrow();
            assertThat(initech.name()).isEqualTo("Initech");
            assertThat(initech.id()).isEqualTo(TenantDefinition.idFor("initech"));
            assertThat(initech.tools()).extracting(t -> t.name()).containsExactly("lookup_order");
            assertThat(tenants.problems("initech")).isEmpty();
            assertThat(owner.jdbc().sql("select name from tenants where slug = 'initech'").query(String.class).single())
                    .isEqualTo("Initech");
        } finally {
            folder.removeTenant("initech");
            eventually().until(() -> tenants.find("initech").isEmpty());
        }
    }

    @Test
    void theWatcherSurvivesDirectoriesThatVanishWhileBeingRegistered() throws Exception {
        // Deploy tools and editors create and remove scratch folders; one gone before the watcher has walked it
        // must not stop hot reload for good.
        for (int round = 0; round < 3; round++) {
            Path scratch = folder.root().resolveSibling("tenants-scratch");
            for (int i = 0; i < 150; i++) {
                Files.createDirectories(scratch.resolve("d" + i).resolve("e").resolve("f"));
            }
            Path appeared = folder.root().resolve("scratch-" + round);
            Files.move(scratch, appeared, StandardCopyOption.ATOMIC_MOVE);
            folder.removeTenant(appeared.getFileName().toString());
        }
        try {
            folder.addTenant("latecomer", TestPlatform.fixtureTenant("globex"),
                    yaml -> yaml.replace("name: Globex Corporation", "name: Latecomer"));

            eventually().until(() -> tenants.find("latecomer").isPresent());
        } finally {
            folder.removeTenant("latecomer");
            eventually().until(() -> tenants.find("latecomer").isEmpty());
        }
    }

    private TenantDefinition acme() {
        return tenants.find(ACME).orElseThrow();
    }

    private TenantProblem awaitProblem() {
        eventually().until(() -> !tenants.problems(ACME).isEmpty());
        List<TenantProblem> problems = tenants.problems(ACME);
        assertThat(problems).allSatisfy(p -> assertThat(p.slug()).isEqualTo(ACME));
        return problems.getFirst();
    }

    private void assertStillServingTheOriginal() {
        assertThat(tenants.find(ACME)).isPresent();
        assertThat(acme().name()).isEqualTo("Acme Home Services");
        assertThat(acme().version()).isEqualTo(originalVersion);
        assertThat(acme().agent().temperature()).isEqualTo(0.3);
    }

    private void assertProblemShownByTheApi(String file, Integer line, String field) {
        ApiResponse shown = api.get("/api/v1/tenants/acme", fixtures.token(ACME_AGENT));
        assertThat(shown).hasStatus(200);
        assertThat(shown.json().path("name").asString()).isEqualTo("Acme Home Services");
        JsonNode problem = shown.json().path("problems").get(0);
        assertThat(problem).as(shown.describe()).isNotNull();
        assertThat(problem.path("file").asString()).isEqualTo(file);
        assertThat(problem.path("line").asInt()).isEqualTo(line);
        assertThat(problem.path("field").asString()).isEqualTo(field);
        assertThat(problem.path("message").asString()).isNotBlank();
    }

    private static int lineOf(String text, String start) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starting with " + start);
    }

    /** Reloads are debounced (about 300 ms); poll, never sleep. */
    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50));
    }
}
