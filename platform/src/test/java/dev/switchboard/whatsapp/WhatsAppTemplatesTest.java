package dev.switchboard.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ApiResponse;
import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TenantsFolder;
import dev.switchboard.TestApi;
import dev.switchboard.fakes.meta.Template;
import dev.switchboard.shared.db.OwnerDatabase;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.whatsapp.account.WhatsAppAccounts;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The approved templates, listed from the Graph API for the dashboard and campaigns; and the connection status. */
@PlatformTest
class WhatsAppTemplatesTest {

    @Autowired
    TestApi api;
    @Autowired
    TenantsFolder tenants;
    @Autowired
    TenantSecrets secrets;
    @Autowired
    WhatsAppAccounts accounts;
    @Autowired
    OwnerDatabase owner;
    @Autowired
    TenantFixtures fixtures;

    WhatsAppTestbed bed;

    @BeforeEach
    void connect() {
        bed = WhatsAppTestbed.connect(api, tenants, secrets, accounts, owner);
    }

    @Test
    void agentsSeeTheApprovedTemplatesWithTheirParameterCounts() {
        ApiResponse response = api.get("/api/v1/tenants/acme/whatsapp/templates?refresh=true",
                fixtures.token(TenantFixtures.ACME_AGENT));

        assertThat(response.status()).as(response.describe()).isEqualTo(200);
        List<String> names = response.json().valueStream().map(t -> t.path("name").asString() + "/"
                + t.path("language").asString()).toList();
        assertThat(names).contains("booking_reminder/es", "booking_reminder/en", "hello_world/en_US",
                "order_update/en_US").doesNotContain("spring_offer/es");
        JsonNode reminder = template(response, "booking_reminder", "es");
        assertThat(reminder.path("category").asString()).isEqualTo("UTILITY");
        assertThat(reminder.path("parameterCount").asInt()).as("image header and two body values").isEqualTo(3);
        assertThat(reminder.path("components").get(0).path("format").asString()).isEqualTo("IMAGE");
        assertThat(template(response, "order_update", "en_US").path("parameterCount").asInt()).isEqualTo(3);
        assertThat(template(response, "hello_world", "en_US").path("parameterCount").asInt()).isZero();
    }

    @Test
    void theListIsCachedUntilRefreshedOrUntilMetaReportsAChange() {
        String token = fixtures.token(TenantFixtures.ACME_AGENT);
        api.get("/api/v1/tenants/acme/whatsapp/templates?refresh=true", token);
        bed.graph().templates().add(Template.approved("visit_reminder", "es", "UTILITY",
                "[{\"type\":\"BODY\",\"text\":\"Hola {{1}}, mañana te visitamos.\"}]"));

        boolean cached = names(api.get("/api/v1/tenants/acme/whatsapp/templates", token)).contains("visit_reminder");
        var change = bed.driver().notification().json();
        ((tools.jackson.databind.node.ObjectNode) change.at("/entry/0/changes/0")).put("field", "message_template_status_update");
        assertThat(bed.driver().deliver(change).status()).isEqualTo(200);
        boolean afterChange = names(api.get("/api/v1/tenants/acme/whatsapp/templates", token)).contains("visit_reminder");

        assertThat(cached).isFalse();
        assertThat(afterChange).isTrue();
    }

    @Test
    void aTenantWithoutWhatsAppGetsAClearConflict() {
        ApiResponse response = api.get("/api/v1/tenants/globex/whatsapp/templates",
                fixtures.token(TenantFixtures.GLOBEX_AGENT));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body()).contains("whatsapp_not_configured");
    }

    @Test
    void theSystemStatusSaysAcmesNumberIsConnected() {
        ApiResponse status = api.get("/api/v1/system/status", fixtures.token(TenantFixtures.ACME_AGENT));

        assertThat(status.json().valueStream().filter(m -> m.path("component").asString().equals("WhatsApp (acme)")))
                .singleElement().satisfies(m -> {
                    assertThat(m.path("live").asBoolean()).isTrue();
                    assertThat(m.path("detail").asString()).contains("106540352242922");
                });
    }

    private static List<String> names(ApiResponse response) {
        return response.json().valueStream().map(t -> t.path("name").asString()).toList();
    }

    private static JsonNode template(ApiResponse response, String name, String language) {
        return response.json().valueStream().filter(t -> t.path("name").asString().equals(name)
                && t.path("language").asString().equals(language)).findFirst().orElseThrow();
    }
}
