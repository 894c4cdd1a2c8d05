package dev.switchboard.tenant.secrets;

import static dev.switchboard.ApiResponseAssert.assertThat;
import static dev.switchboard.TenantFixtures.ACME;
import static dev.switchboard.TenantFixtures.ACME_AGENT;
import static dev.switchboard.TenantFixtures.ACME_OWNER;
import static dev.switchboard.TenantFixtures.GLOBEX;
import static dev.switchboard.TenantFixtures.tenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ApiResponse;
import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestApi;
import dev.switchboard.shared.db.OwnerDatabase;
import dev.switchboard.tenant.TenantSecrets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Secrets are write-only over the API, encrypted at rest, bound to their tenant and name, and never logged.
 */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class TenantSecretsTest {

    private static final String SECRETS = "/api/v1/tenants/acme/secrets";

    @Autowired
    TestApi api;
    @Autowired
    TenantFixtures fixtures;
    @Autowired
    OwnerDatabase owner;
    @Autowired
    TenantSecrets secrets;

    private final String name = "test_key_" + UUID.randomUUID().toString().substring(0, 8);
    private final String value = "sk-live-" + UUID.randomUUID();

    @AfterEach
    void removePlantedRows() {
        owner.jdbc().sql("delete from tenant_secrets where name like 'test_key_%' or name like 'copied_%'").update();
    }

    @Test
    void secretsAreWriteOnlyTheListShowsNamesNeverValues() {
        String admin = fixtures.token(ACME_OWNER);

        assertThat(api.put(SECRETS + "/" + name, admin, Map.of("value", value))).hasStatus(204);

        ApiResponse listed = api.get(SECRETS, admin);
        assertThat(listed).hasStatus(200);
        assertThat(listed.json().findValuesAsString("name")).contains(name, "business_api_token");
        assertThat(listed.body()).doesNotContain(value).doesNotContain("ciphertext");
        ApiResponse read = api.get(SECRETS + "/" + name, admin);
        assertThat(read.status()).as(read.describe()).isIn(404, 405);
        assertThat(read.isProblem()).isTrue();
        assertThat(read.body()).doesNotContain(value);
        assertThat(secrets.reveal(tenantId(ACME), name)).as("server-side code can still use it").contains(value);
    }

    @Test
    void onlyAnAdminMayListSetOrDeleteSecrets() {
        String agent = fixtures.token(ACME_AGENT);

        assertThat(api.get(SECRETS, agent)).isProblem(403);
        assertThat(api.put(SECRETS + "/" + name, agent, Map.of("value", value))).isProblem(403);
        assertThat(api.delete(SECRETS + "/business_api_token", agent)).isProblem(403);
        assertThat(secrets.reveal(tenantId(ACME), name)).isEmpty();
        assertThat(secrets.reveal(tenantId(ACME), "business_api_token")).isPresent();
    }

    @Test
    void aSecretIsReplacedAndDeleted() {
        String admin = fixtures.token(ACME_OWNER);
        api.put(SECRETS + "/" + name, admin, Map.of("value", value));

        assertThat(api.put(SECRETS + "/" + name, admin, Map.of("value", value + "-rotated"))).hasStatus(204);
        assertThat(secrets.reveal(tenantId(ACME), name)).contains(value + "-rotated");
        assertThat(api.delete(SECRETS + "/" + name, admin)).hasStatus(204);
        assertThat(secrets.reveal(tenantId(ACME), name)).isEmpty();
        assertThat(api.delete(SECRETS + "/" + name, admin)).isProblem(404);
    }

    @Test
    void aBadNameOrValueIsRefusedNamingTheField() {
        String admin = fixtures.token(ACME_OWNER);

        assertThat(api.put(SECRETS + "/Bad%20Name", admin, Map.of("value", value))).namesInvalidField("name");
        assertThat(api.put(SECRETS + "/" + name, admin, Map.of("value", " "))).namesInvalidField("value");
        assertThat(api.put(SECRETS + "/" + name, admin, Map.of("value", "x".repeat(8193)))).namesInvalidField("value");
        assertThat(secrets.reveal(tenantId(ACME), name)).isEmpty();
    }

    @Test
    void theStoredBytesDoNotContainThePlaintext() {
        api.put(SECRETS + "/" + name, fixtures.token(ACME_OWNER), Map.of("value", value));

        Map<String, Object> row = owner.jdbc().sql("select ciphertext, key_id from tenant_secrets where tenant_id = :t and name = :n")
                .param("t", tenantId(ACME)).param("n", name).query().singleRow();
        byte[] stored = (byte[]) row.get("ciphertext");
        String asLatin1 = new String(stored, StandardCharsets.ISO_8859_1);

        assertThat(asLatin1).doesNotContain(value).doesNotContain(value.substring(8, 20));
        assertThat(HexFormat.of().formatHex(stored)).doesNotContain(HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)));
        assertThat(Base64.getEncoder().encodeToString(stored)).doesNotContain(Base64.getEncoder().encodeToString(value.getBytes()));
        assertThat(stored.length).as("nonce + ciphertext + tag").isEqualTo(12 + value.length() + 16);
        assertThat((String) row.get("key_id")).isNotBlank();
        assertThat(owner.jdbc().sql("select t::text from tenant_secrets t where name = :n").param("n", name)
                .query(String.class).single()).doesNotContain(value);
    }

    @Test
    void aCiphertextCopiedToAnotherTenantOrAnotherNameDoesNotDecrypt() {
        api.put(SECRETS + "/" + name, fixtures.token(ACME_OWNER), Map.of("value", value));
        String copiedName = "copied_" + name;

        owner.jdbc().sql("""
                insert into tenant_secrets (tenant_id, name, ciphertext, key_id)
                select :globex, name, ciphertext, key_id from tenant_secrets where tenant_id = :acme and name = :n""")
                .param("globex", tenantId(GLOBEX)).param("acme", tenantId(ACME)).param("n", name).update();
        owner.jdbc().sql("""
                insert into tenant_secrets (tenant_id, name, ciphertext, key_id)
                select tenant_id, :copy, ciphertext, key_id from tenant_secrets where tenant_id = :acme and name = :n""")
                .param("copy", copiedName).param("acme", tenantId(ACME)).param("n", name).update();

        assertThatThrownBy(() -> secrets.reveal(tenantId(GLOBEX), name)).hasMessageNotContaining(value);
        assertThatThrownBy(() -> secrets.reveal(tenantId(ACME), copiedName)).hasMessageNotContaining(value);
        assertThat(secrets.reveal(tenantId(ACME), name)).as("the original still opens").contains(value);
    }

    @Test
    void theValueNeverAppearsInTheLogsOrInAnyAnswer(CapturedOutput output) {
        String admin = fixtures.token(ACME_OWNER);
        String agent = fixtures.token(ACME_AGENT);
        List<ApiResponse> answers = List.of(
                api.put(SECRETS + "/" + name, admin, Map.of("value", value)),
                api.put(SECRETS + "/" + name, agent, Map.of("value", value)),
                api.put(SECRETS + "/Not-Valid!", admin, Map.of("value", value)),
                api.put(SECRETS + "/" + name, admin, Map.of("value", value + "x".repeat(8200))),
                api.put(SECRETS + "/" + name, admin, "{\"value\": \"" + value + "\""),
                api.put(SECRETS + "/" + name, admin, "{\"value\": [\"" + value + "\"]}"),
                api.put(SECRETS + "/" + name, admin, Map.of("value", value, "unexpected", value)),
                api.put(SECRETS + "/" + name, null, Map.of("value", value)),
                api.get(SECRETS, admin));
        // Tampered behind this node's back (its copy is reused for up to 2 s, so none is read before).
        owner.jdbc().sql("update tenant_secrets set ciphertext = '\\x00' where tenant_id = :t and name = :n")
                .param("t", tenantId(ACME)).param("n", name).update();
        assertThatThrownBy(() -> secrets.reveal(tenantId(ACME), name)).hasMessageNotContaining(value);

        assertThat(output.getAll()).as("the capture works").contains("secret " + name + " of tenant");
        assertThat(output.getAll()).doesNotContain(value);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.body()).doesNotContain(value));
    }
}
