package dev.switchboard.identity.auth;

import static dev.switchboard.ApiResponseAssert.assertThat;
import static dev.switchboard.TenantFixtures.ACME_AGENT;
import static dev.switchboard.TenantFixtures.ACME_OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.switchboard.ApiResponse;
import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestApi;
import dev.switchboard.identity.users.User;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every way of presenting an access token the platform did not issue, or no longer honours, is refused with
 * 401 and a problem document. Tokens signed with the real key prove that each claim check holds on its own.
 */
@PlatformTest
class AccessTokenAttacksTest {

    @Autowired
    TestApi api;
    @Autowired
    TenantFixtures fixtures;

    User owner;

    @BeforeEach
    void knowTheVictim() {
        owner = fixtures.user(ACME_OWNER);
    }

    @Test
    void aTokenForgedWithTheRealKeyAndValidClaimsIsAccepted() {
        // The control case: without it, the refusals below could come from a broken forger.
        ApiResponse me = api.get("/api/v1/me", ForgedTokens.hs256(valid().build(), ForgedTokens.REAL_KEY));

        assertThat(me).hasStatus(200);
        assertThat(me.json().path("email").asString()).isEqualTo(ACME_OWNER);
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() {
        for (String none : new String[] {"none", "None", "NONE", "nOnE"}) {
            assertRefused(ForgedTokens.unsigned(none, valid().build()));
        }
    }

    @Test
    void anHs256TokenSignedWithAnotherKeyIsRefused() {
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);

        assertRefused(ForgedTokens.hs256(valid().build(), otherKey));
    }

    @Test
    void aTokenSignedWithTheRealKeyUnderAnotherHmacAlgorithmIsRefused() {
        assertRefused(ForgedTokens.hmac(Map.of("alg", "HS384"), valid().build(), "HmacSHA384", ForgedTokens.REAL_KEY));
        assertRefused(ForgedTokens.hmac(Map.of("alg", "HS512"), valid().build(), "HmacSHA512", ForgedTokens.REAL_KEY));
    }

    @Test
    void aTokenWhoseHeaderSaysRs256OrEs256IsRefused() {
        assertRefused(ForgedTokens.rs256(valid().build()));
        assertRefused(ForgedTokens.es256(valid().build()));
        // Algorithm confusion: the header claims RS256 but the signature is an HMAC under the real key.
        assertRefused(ForgedTokens.hmac(Map.of("alg", "RS256"), valid().build(), "HmacSHA256", ForgedTokens.REAL_KEY));
        assertRefused(ForgedTokens.hmac(Map.of("alg", "ES256"), valid().build(), "HmacSHA256", ForgedTokens.REAL_KEY));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant past = Instant.now().minusSeconds(60);
        assertRefused(ForgedTokens.hs256(valid().issueTime(Date.from(past.minusSeconds(900)))
                .expirationTime(Date.from(past)).build(), ForgedTokens.REAL_KEY));
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        assertRefused(ForgedTokens.hs256(valid().expirationTime(null).build(), ForgedTokens.REAL_KEY));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertRefused(ForgedTokens.hs256(valid().audience("another-api").build(), ForgedTokens.REAL_KEY));
        assertRefused(ForgedTokens.hs256(valid().audience((String) null).build(), ForgedTokens.REAL_KEY));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertRefused(ForgedTokens.hs256(valid().issuer("someone-else").build(), ForgedTokens.REAL_KEY));
        assertRefused(ForgedTokens.hs256(valid().issuer(null).build(), ForgedTokens.REAL_KEY));
    }

    @Test
    void aRealTokenWhosePayloadWasChangedAfterSigningIsRefused() throws Exception {
        String real = fixtures.token(ACME_AGENT);
        JWTClaimsSet original = SignedJWT.parse(real).getJWTClaimsSet();
        JWTClaimsSet swapped = new JWTClaimsSet.Builder(original).subject(owner.id().toString()).build();
        JWTClaimsSet extended = new JWTClaimsSet.Builder(original)
                .expirationTime(Date.from(Instant.now().plusSeconds(86_400))).build();

        assertThat(api.get("/api/v1/me", real)).hasStatus(200);
        assertRefused(ForgedTokens.withPayload(real, swapped));
        assertRefused(ForgedTokens.withPayload(real, extended));
    }

    @Test
    void aTokenForAnUnknownUserIsRefused() {
        assertRefused(ForgedTokens.hs256(ForgedTokens.claims(UUID.randomUUID(), 0).build(), ForgedTokens.REAL_KEY));
    }

    @Test
    void aTokenFromAnEndedSessionEpochIsRefused() {
        assertRefused(ForgedTokens.hs256(ForgedTokens.claims(owner.id(), owner.sessionEpoch() + 1).build(),
                ForgedTokens.REAL_KEY));
        assertRefused(ForgedTokens.hs256(valid().claim("sep", null).build(), ForgedTokens.REAL_KEY));
        assertRefused(ForgedTokens.hs256(valid().claim("sep", "0").build(), ForgedTokens.REAL_KEY));
    }

    @Test
    void garbageIsRefused() {
        for (String garbage : new String[] {"garbage", "a.b.c", "..", "e30.e30.", "Bearer", "%00", "eyJhbGciOiJIUzI1NiJ9",
                "x".repeat(4000)}) {
            assertRefused(garbage);
        }
    }

    @Test
    void aForgedTokenDoesNotReachATenantRouteEither() {
        ApiResponse response = api.get("/api/v1/tenants/acme/config", ForgedTokens.unsigned("none", valid().build()));

        assertThat(response).isProblem(401);
    }

    private JWTClaimsSet.Builder valid() {
        return ForgedTokens.claims(owner.id(), owner.sessionEpoch());
    }

    private void assertRefused(String token) {
        ApiResponse response = api.get("/api/v1/me", token);
        assertThat(response).isProblem(401);
        assertThat(response.header("WWW-Authenticate")).as(response.describe()).startsWith("Bearer");
        assertThat(response.body()).doesNotContain(ACME_OWNER);
    }
}
