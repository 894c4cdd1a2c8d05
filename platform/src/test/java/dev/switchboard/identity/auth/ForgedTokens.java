package dev.switchboard.identity.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.switchboard.TestPlatform;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds access tokens the way an attacker would: by hand, with any header, any claims and any key, including
 * the platform's real test key (so a refusal proves the claim check, not just the signature check).
 */
final class ForgedTokens {

    static final byte[] REAL_KEY = Base64.getDecoder().decode(TestPlatform.JWT_SECRET);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private ForgedTokens() {
    }

    /** Claims exactly like the platform issues them, valid for five minutes. */
    static JWTClaimsSet.Builder claims(UUID userId, int sessionEpoch) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer("switchboard").audience("switchboard-api").subject(userId.toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString()).claim("sep", sessionEpoch);
    }

    /** An HMAC-signed token with a hand-written header, so any algorithm name can be claimed. */
    static String hmac(Map<String, Object> header, JWTClaimsSet claims, String macAlgorithm, byte[] key) {
        String signingInput = encode(JSON.writeValueAsString(header)) + "." + encode(claims.toString());
        try {
            Mac mac = Mac.getInstance(macAlgorithm);
            mac.init(new SecretKeySpec(key, macAlgorithm));
            return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hs256(JWTClaimsSet claims, byte[] key) {
        return hmac(Map.of("alg", "HS256", "typ", "JWT"), claims, "HmacSHA256", key);
    }

    /** The unsecured JWS: {@code alg} none (in whatever spelling) and an empty signature. */
    static String unsigned(String algName, JWTClaimsSet claims) {
        return encode(JSON.writeValueAsString(Map.of("alg", algName, "typ", "JWT"))) + "." + encode(claims.toString()) + ".";
    }

    static String rs256(JWTClaimsSet claims) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));
            return jwt.serialize();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String es256(JWTClaimsSet claims) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), claims);
            jwt.sign(new ECDSASigner((ECPrivateKey) generator.generateKeyPair().getPrivate()));
            return jwt.serialize();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces a real token's payload and keeps its signature. */
    static String withPayload(String token, JWTClaimsSet claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + encode(claims.toString()) + "." + parts[2];
    }

    static String encode(String text) {
        return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
