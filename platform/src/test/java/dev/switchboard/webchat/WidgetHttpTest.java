package dev.switchboard.webchat;

import static dev.switchboard.TenantFixtures.ACME;
import static dev.switchboard.TenantFixtures.tenantId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ApiResponse;
import dev.switchboard.PlatformTest;
import dev.switchboard.TenantsFolder;
import dev.switchboard.TestApi;
import dev.switchboard.shared.db.OwnerDatabase;
import dev.switchboard.tenant.TenantSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The widget's HTTP routes answer only pages on the tenant's allowed origins, issue tokens, and accept a site's
 * signed identity only with the right signature.
 */
@PlatformTest
class WidgetHttpTest {

    private static final String ACME_SITE = "http://localhost:8080";
    private static final String FOREIGN = "https://evil.example";

    @Autowired
    TestApi api;
    @Autowired
    TenantsFolder tenants;
    @Autowired
    TenantSecrets secrets;
    @Autowired
    OwnerDatabase owner;

    @AfterEach
    void restore() {
        tenants.restore(ACME);
    }

    @Test
    void anAllowedOriginGetsAVisitorTokenAndCorsHeaders() {
        WidgetClient widget = new WidgetClient(api, ACME, ACME_SITE);
        ApiResponse response = widget.requestSession(Map.of());

        assertThat(response.status()).as(response.describe()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ACME_SITE);
        assertThat(response.json().path("visitorId").asString()).startsWith("v_");
        assertThat(response.json().path("verified").asBoolean()).isFalse();
    }

    @Test
    void theCorsPreflightIsAnsweredForAllowedOriginsOnly() {
        ApiResponse allowed = preflight(ACME_SITE);
        assertThat(allowed.status()).isEqualTo(204);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ACME_SITE);
        assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("content-type");

        ApiResponse foreign = preflight(FOREIGN);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aForeignOriginOrNoOriginGetsNoToken() {
        ApiResponse foreign = new WidgetClient(api, ACME, FOREIGN).requestSession(Map.of());
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.isProblem()).isTrue();
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
        assertThat(foreign.body()).doesNotContain("token");

        ApiResponse none = api.from(WidgetClient.randomLoopback()).request("POST", "/webchat/acme/session").json(Map.of()).send();
        assertThat(none.status()).isEqualTo(403);
    }

    @Test
    void anotherTenantsOriginIsForeignToo() {
        assertThat(new WidgetClient(api, ACME, "https://www.globex.example").requestSession(Map.of()).status())
                .isEqualTo(403);
    }

    @Test
    void theConfigurationIsForAllowedOriginsAndCarriesGreetingsAndLinkHosts() {
        ApiResponse config = api.request("GET", "/webchat/acme/config").header("Origin", ACME_SITE).send();
        assertThat(config.status()).as(config.describe()).isEqualTo(200);
        assertThat(config.json().path("name").asString()).isEqualTo("Acme Home Services");
        assertThat(config.json().path("languages").toString()).isEqualTo("[\"es\",\"en\"]");
        assertThat(config.json().path("greeting").path("es").asString()).startsWith("¡Hola!");
        assertThat(config.json().path("greeting").path("en").asString()).startsWith("Hi!");
        assertThat(config.json().path("linkHosts").toString()).contains("acme.example");

        assertThat(api.request("GET", "/webchat/acme/config").header("Origin", FOREIGN).send().status()).isEqualTo(403);
        assertThat(api.request("GET", "/webchat/nobody/config").header("Origin", ACME_SITE).send().status()).isEqualTo(404);
    }

    @Test
    void aValidAnonymousTokenKeepsItsVisitor() {
        WidgetClient widget = new WidgetClient(api, ACME, ACME_SITE).session();
        ApiResponse renewed = widget.requestSession(Map.of("token", widget.token()));
        assertThat(renewed.json().path("visitorId").asString()).isEqualTo(widget.visitorId());

        ApiResponse forged = widget.requestSession(Map.of("token", widget.token() + "x"));
        assertThat(forged.json().path("visitorId").asString()).isNotEqualTo(widget.visitorId());
    }

    @Test
    void aSiteSignedIdentityMakesAVerifiedCustomerAndAWrongSignatureIsRefused() throws InterruptedException {
        tenants.write(ACME, "tenant.yaml", tenants.read(ACME, "tenant.yaml")
                .replace("linkHosts: [acme.example, www.acme.example]",
                        "linkHosts: [acme.example, www.acme.example]\n    identitySecretName: site_identity"));
        secrets.store(tenantId(ACME), "site_identity", "acme-site-secret", null);
        awaitIdentityConfigured();
        WidgetClient widget = new WidgetClient(api, ACME, ACME_SITE);

        ApiResponse wrong = widget.requestSession(Map.of("userId", "C-1001", "userHash", sign("other-secret", "C-1001")));
        assertThat(wrong.status()).isEqualTo(403);

        ApiResponse someoneElse = widget.requestSession(Map.of("userId", "C-1002", "userHash", sign("acme-site-secret", "C-1001")));
        assertThat(someoneElse.status()).isEqualTo(403);

        ApiResponse right = widget.requestSession(Map.of("userId", "C-1001", "userHash", sign("acme-site-secret", "C-1001"),
                "userName", "Lucía Pérez"));
        assertThat(right.status()).as(right.describe()).isEqualTo(200);
        assertThat(right.json().path("verified").asBoolean()).isTrue();
        assertThat(owner.jdbc().sql("""
                        select c.customer_ref from contacts c join contact_channels cc
                          on cc.tenant_id = c.tenant_id and cc.contact_id = c.id
                         where cc.tenant_id = :t and cc.channel = 'webchat' and cc.address = :a""")
                .param("t", tenantId(ACME)).param("a", right.json().path("visitorId").asString())
                .query(String.class).single()).isEqualTo("C-1001");
    }

    @Test
    void identityIsRefusedWhereTheTenantConfiguredNone() {
        ApiResponse response = new WidgetClient(api, ACME, ACME_SITE)
                .requestSession(Map.of("userId", "C-1001", "userHash", sign("anything", "C-1001")));
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void oneAddressCannotMintUnlimitedVisitors() {
        WidgetClient widget = new WidgetClient(api, ACME, ACME_SITE);
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            ApiResponse response = widget.requestSession(Map.of());
            if (response.status() == 429) {
                refused++;
                assertThat(response.header("Retry-After")).isNotNull();
            }
        }
        assertThat(refused).isEqualTo(10);
    }

    @Test
    void theDemoPageEmbedsTheWidgetLikeATenantSiteWould() {
        ApiResponse page = api.get("/demo/acme?lang=en", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"/widget.js\" data-tenant=\"acme\" async></script>")
                .contains("<html lang=\"en\">").contains("Acme Home Services");
        assertThat(api.get("/demo/nobody", null).status()).isEqualTo(404);
    }

    private ApiResponse preflight(String origin) {
        return api.from(WidgetClient.randomLoopback()).request("OPTIONS", "/webchat/acme/session")
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").send();
    }

    private void awaitIdentityConfigured() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            ApiResponse probe = new WidgetClient(api, ACME, ACME_SITE)
                    .requestSession(Map.of("userId", "probe", "userHash", sign("acme-site-secret", "probe")));
            if (probe.status() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the tenant did not reload with its identity secret");
    }

    static String sign(String secret, String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
