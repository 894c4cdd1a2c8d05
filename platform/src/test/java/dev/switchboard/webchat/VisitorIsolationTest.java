package dev.switchboard.webchat;

import static dev.switchboard.TenantFixtures.ACME;
import static dev.switchboard.TenantFixtures.ACME_OWNER;
import static dev.switchboard.TenantFixtures.GLOBEX;
import static dev.switchboard.TenantFixtures.tenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestApi;
import dev.switchboard.TestPlatform;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A visitor reaches their own conversations only: the socket refuses a foreign origin and any token that is
 * forged, unsigned, expired, meant for another tenant or another audience before a socket exists, and a
 * visitor naming another visitor's conversation is told it does not exist, with nothing of it sent.
 */
@PlatformTest
class VisitorIsolationTest {

    private static final String SITE = WebchatSocketTest.SITE;

    @Autowired
    TestApi api;
    @Autowired
    TenantFixtures fixtures;

    @Test
    void aForeignOriginIsRefusedBeforeTheUpgrade() {
        WidgetClient widget = new WidgetClient(api, ACME, SITE).session();
        assertRefused(() -> widget.connect("https://evil.example", widget.token()), 403);
        assertRefused(() -> widget.connect("https://www.globex.example", widget.token()), 403);
        assertRefused(() -> widget.connect(null, widget.token()), 403);
    }

    @Test
    void aMissingForgedUnsignedOrExpiredTokenIsRefused() {
        WidgetClient widget = new WidgetClient(api, ACME, SITE).session();
        assertRefused(() -> widget.connect(SITE, null), 401);
        assertRefused(() -> widget.connect(SITE, widget.token().substring(0, widget.token().length() - 2) + "xx"), 401);
        assertRefused(() -> widget.connect(SITE, token(new byte[32], tenantId(ACME), "v_forged", Instant.now().plusSeconds(600))), 401);
        assertRefused(() -> widget.connect(SITE, unsigned(tenantId(ACME), widget.visitorId())), 401);
        assertRefused(() -> widget.connect(SITE, token(realKey(), tenantId(ACME), widget.visitorId(), Instant.now().minusSeconds(5))), 401);
        assertRefused(() -> widget.connect(SITE, fixtures.token(ACME_OWNER)), 401);
    }

    @Test
    void aTokenOfOneTenantDoesNotOpenAnothersChat() {
        WidgetClient acme = new WidgetClient(api, ACME, SITE).session();
        WidgetClient globex = new WidgetClient(api, GLOBEX, "https://www.globex.example").withToken(acme.token());
        assertRefused(globex::connect, 401);
    }

    @Test
    void aCorrectlySignedTokenWorksSoTheRefusalsAboveAreAboutTheirFlaws() {
        WidgetClient widget = new WidgetClient(api, ACME, SITE).session();
        WidgetClient.Socket socket = widget.connect(SITE, token(realKey(), tenantId(ACME), "v_crafted", Instant.now().plusSeconds(60)));
        socket.hello(null, 0);
        socket.close();
    }

    @Test
    void aVisitorNamingAnotherVisitorsConversationSeesNothingOfIt() {
        WidgetClient alice = new WidgetClient(api, ACME, SITE).session();
        WidgetClient.Socket aliceSocket = alice.connect().hello(null, 0);
        String id = WidgetClient.newClientId();
        aliceSocket.say(id, "my address is Calle Mayor 1");
        String conversation = aliceSocket.await("ack", f -> f.path("id").asString().equals(id)).path("conversationId").asString();

        WidgetClient mallory = new WidgetClient(api, ACME, SITE).session();
        WidgetClient.Socket socket = mallory.connect();
        socket.send(Map.of("type", "hello", "conversationId", conversation, "lastSeq", 0));
        JsonNode refused = socket.await("error", f -> true);
        assertThat(refused.path("code").asString()).isEqualTo("conversation_not_found");
        socket.send(Map.of("type", "rate", "conversationId", conversation, "score", 1));
        socket.send(Map.of("type", "hello", "conversationId", UUID.randomUUID().toString(), "lastSeq", 0));
        socket.settle();

        List<JsonNode> frames = socket.frames();
        assertThat(frames).extracting(f -> f.path("type").asString()).containsOnly("error");
        assertThat(frames).extracting(f -> f.path("code").asString()).containsOnly("conversation_not_found");
        assertThat(frames.toString()).doesNotContain("Calle Mayor");
        aliceSocket.close();
        socket.close();
    }

    private static void assertRefused(Runnable connect, int status) {
        assertThatThrownBy(connect::run).isInstanceOfSatisfying(WidgetClient.Refused.class,
                e -> assertThat(e.status).isEqualTo(status));
    }

    private static byte[] realKey() {
        try {
            String encoded = Files.readString(TestPlatform.installation().home().resolve("webchat.key")).strip();
            return Base64.getDecoder().decode(encoded);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JWTClaimsSet claims(UUID tenant, String visitor, Instant expiry) {
        return new JWTClaimsSet.Builder().issuer("switchboard").audience("switchboard-webchat").subject(visitor)
                .issueTime(new Date()).expirationTime(Date.from(expiry)).claim("tid", tenant.toString())
                .claim("vfd", false).build();
    }

    private static String token(byte[] key, UUID tenant, String visitor, Instant expiry) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(tenant, visitor, expiry));
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(UUID tenant, String visitor) {
        return new PlainJWT(claims(tenant, visitor, Instant.now().plusSeconds(600))).serialize();
    }
}
