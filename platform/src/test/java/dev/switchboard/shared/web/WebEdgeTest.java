package dev.switchboard.shared.web;

import static dev.switchboard.ApiResponseAssert.assertThat;
import static dev.switchboard.TenantFixtures.ACME_OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ApiResponse;
import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestApi;
import dev.switchboard.TestPlatform;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The edge every route shares: errors as problem details, the body size cap, security headers, CORS, path
 * tricks that must not reach a tenant route, and the operational endpoints.
 */
@PlatformTest
class WebEdgeTest {

    @Autowired
    TestApi api;
    @Autowired
    TenantFixtures fixtures;

    @Test
    void everyKindOfErrorIsAProblemDocument() {
        String token = fixtures.token(ACME_OWNER);

        assertThat(api.get("/api/v1/me", null)).isProblem(401);
        assertThat(api.get("/api/v1/no-such-route", token)).isProblem(404);
        assertThat(api.get("/api/v1/no-such-route", null)).isProblem(401);
        assertThat(api.put("/api/v1/me", token, "{}")).isProblem(405);
        assertThat(api.post("/api/v1/auth/login", null, "{not json")).isProblem(400);
        assertThat(api.post("/api/v1/auth/login", null, Map.of("email", "", "password", ""))).namesInvalidField("email");
        assertThat(api.request("POST", "/api/v1/auth/login")
                .body(HttpRequest.BodyPublishers.ofString("email=a&password=b"), "text/plain").send()).isProblem(415);
        assertThat(api.get("/api/v1/tenants/acme/config/history?limit=many", token)).isProblem(400);
        assertThat(api.get("/api/v1/tenants/acme/secrets", fixtures.token(TenantFixtures.ACME_AGENT))).isProblem(403);
    }

    @Test
    void errorsAreProblemDocumentsWhateverTheClientAccepts() {
        String token = fixtures.token(ACME_OWNER);
        for (String accept : new String[] {"text/html", "application/xml", "*/*", "application/json"}) {
            assertThat(api.request("GET", "/api/v1/no-such-route").bearer(token).header("Accept", accept).send())
                    .isProblem(404);
            assertThat(api.request("GET", "/api/v1/me").header("Accept", accept).send()).isProblem(401);
            assertThat(api.request("GET", "/api/v1/tenants/globex/config").bearer(token).header("Accept", accept).send())
                    .isProblem(404);
        }
    }

    @Test
    void requestsTheFirewallRejectsAreProblemDocumentsToo() {
        String token = fixtures.token(ACME_OWNER);

        assertThat(api.get("/api/v1/me;jsessionid=abc", token)).isProblem(400);
        assertThat(api.get("/api/v1/tenants/acme;x=y/config", token)).isProblem(400);
        assertThat(api.get("/api/v1/tenants/acme/%2e%2e/globex/config", token)).isProblem(400);
        assertThat(api.get("//api/v1/tenants/globex/config", token)).isProblem(400);
    }

    @Test
    void theErrorPageAskedForDirectlyReportsNothing() {
        assertThat(api.get("/error", null)).isProblem(404);
        assertThat(api.request("POST", "/error").json("{}").send()).isProblem(404);
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedWith413() {
        byte[] big = new byte[(int) TestPlatform.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');

        ApiResponse response = api.request("POST", "/api/v1/auth/login")
                .body(HttpRequest.BodyPublishers.ofByteArray(big), "application/json").send();

        assertThat(response).isProblem(413);
    }

    @Test
    void aChunkedBodyOverTheLimitIsCutOffWith413() {
        String json = "{\"email\":\"" + "a".repeat((int) TestPlatform.MAX_BODY_BYTES) + "\",\"password\":\"x\"}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        ApiResponse response = api.request("POST", "/api/v1/auth/login")
                .body(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)), "application/json")
                .send();

        assertThat(response).isProblem(413);
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        String padding = " ".repeat((int) TestPlatform.MAX_BODY_BYTES - 200);
        String json = "{\"email\":\"nobody@example.test\"," + padding + "\"password\":\"wrong password\"}";

        assertThat(api.fromAnotherAddress().post("/api/v1/auth/login", null, json)).as("read and judged, not cut off")
                .isProblem(401);
    }

    @Test
    void securityHeadersAreSentOnPagesApiAnswersAndErrors() {
        for (ApiResponse response : new ApiResponse[] {api.get("/actuator/health", null),
                api.get("/api/v1/me", fixtures.token(ACME_OWNER)), api.get("/api/v1/me", null)}) {
            assertThat(response.header("Content-Security-Policy")).as(response.describe())
                    .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
            assertThat(response.header("X-Frame-Options")).as(response.describe()).isEqualTo("DENY");
            assertThat(response.header("X-Content-Type-Options")).as(response.describe()).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).as(response.describe()).isEqualTo("strict-origin-when-cross-origin");
            assertThat(response.header("Permissions-Policy")).as(response.describe()).contains("camera=()");
            assertThat(response.header("Cache-Control")).as(response.describe()).contains("no-store");
        }
    }

    @Test
    void aCorsPreflightFromAnOriginNotAllowedIsRefused() {
        ApiResponse refused = preflight("https://evil.example");

        assertThat(refused.status()).as(refused.describe()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();

        ApiResponse allowed = preflight(TestPlatform.ALLOWED_ORIGIN);
        assertThat(allowed).hasStatus(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(TestPlatform.ALLOWED_ORIGIN);
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void aCrossOriginRequestFromAnOriginNotAllowedGetsNoCorsGrant() {
        ApiResponse response = api.request("GET", "/api/v1/me").bearer(fixtures.token(ACME_OWNER))
                .header("Origin", "https://evil.example").send();

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void anUpperCaseOrEncodedPathDoesNotReachATenantRoute() {
        String token = fixtures.token(ACME_OWNER);
        assertThat(api.get("/api/v1/tenants/acme/config", token)).as("the control").hasStatus(200);

        for (String path : new String[] {"/API/v1/tenants/acme/config", "/api/V1/tenants/acme/config",
                "/api/v1/TENANTS/acme/config", "/api/v1/tenants/ACME/config", "/api/v1/tenants/acme/CONFIG",
                "/API/v1/tenants/globex/config", "/api/v1/tenants/GLOBEX/config", "/api/v1/tenants/%67lobex/config",
                "/api/v1/%74enants/globex/config", "/api/v1/tenants/globex/config/",
                "/api/v1/tenants/acme/../globex/config"}) {
            ApiResponse response = api.get(path, token);
            assertThat(response.status()).as(response.describe()).isIn(400, 403, 404);
            assertThat(response.isProblem()).as(response.describe()).isTrue();
            assertThat(response.body()).as(path).doesNotContain("agent.temperature");
        }
    }

    @Test
    void anEncodedSlashIsRefusedBeforeReachingTheApplication() {
        // Tomcat refuses %2F itself (with its own page: no application code runs for it).
        ApiResponse response = api.get("/api/v1/tenants/globex%2Fconfig", fixtures.token(ACME_OWNER));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("agent.temperature");
    }

    @Test
    void aPercentEncodedTenantRouteIsGuardedExactlyLikeThePlainOne() {
        String token = fixtures.token(ACME_OWNER);

        assertThat(api.get("/api/v1/%74enants/acme/config", token)).hasStatus(200);
        assertThat(api.get("/api/v1/tenants/%61cme/config", token)).hasStatus(200);
        assertThat(api.get("/api/v1/%74enants/globex/config", token)).isProblem(404);
        assertThat(api.get("/api/v1/tenants/%67lobex/config", token)).isProblem(404);
        assertThat(api.get("/api/v1/%74enants/acme/config", fixtures.token(TenantFixtures.GLOBEX_OWNER))).isProblem(404);
    }

    @Test
    void healthIsUp() {
        ApiResponse health = api.get("/actuator/health", null);

        assertThat(health).hasStatus(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(health.body()).doesNotContain("postgres").doesNotContain("jdbc");
    }

    @Test
    void prometheusServesMetrics() {
        api.get("/actuator/health", null);

        ApiResponse metrics = api.get("/actuator/prometheus", null);

        assertThat(metrics).hasStatus(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "application=\"switchboard\"",
                "http_server_requests_seconds");
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() {
        for (String path : new String[] {"/actuator/env", "/actuator/configprops", "/actuator/heapdump", "/actuator/beans"}) {
            assertThat(api.get(path, null).status()).as(path).isIn(401, 404);
            assertThat(api.get(path, fixtures.token(ACME_OWNER))).isProblem(404);
        }
    }

    @Test
    void theApiDocsServeOpenApiJson() {
        ApiResponse docs = api.get("/api/docs", null);

        assertThat(docs).hasStatus(200);
        assertThat(docs.contentType()).startsWith("application/json");
        assertThat(docs.json().path("openapi").asString()).startsWith("3.");
        assertThat(docs.json().path("paths").has("/api/v1/auth/login")).isTrue();
        assertThat(docs.json().path("paths").has("/api/v1/tenants/{slug}/config")).isTrue();
    }

    private ApiResponse preflight(String origin) {
        return api.request("OPTIONS", "/api/v1/me").header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").send();
    }
}
