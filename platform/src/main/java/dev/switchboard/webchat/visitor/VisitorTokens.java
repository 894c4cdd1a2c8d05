package dev.switchboard.webchat.visitor;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.switchboard.shared.SwitchboardHome;
import dev.switchboard.webchat.config.WebchatProperties;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Visitor tokens: HS256 JWTs with a key and an audience of their own, so a dashboard access token is never a
 * visitor token and the other way round. A token names one tenant and one visitor and expires; verification
 * allows exactly one algorithm and checks signature, issuer, audience, expiry and the tenant it is used for.
 */
@Component
public class VisitorTokens {

    static final String ISSUER = "switchboard";
    static final String AUDIENCE = "switchboard-webchat";
    private static final JWSAlgorithm ALGORITHM = JWSAlgorithm.HS256;
    private static final String TENANT = "tid";
    private static final String VERIFIED = "vfd";

    private final byte[] secret;
    private final WebchatProperties properties;
    private final Clock clock;

    VisitorTokens(WebchatProperties properties, SwitchboardHome home, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.secret = home.key(properties.secret(), "webchat.key", "SWITCHBOARD_WEBCHAT_SECRET");
    }

    public Issued issue(Visitor visitor) {
        Instant now = clock.instant();
        Instant expiry = now.plus(properties.tokenTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(visitor.id())
                .issueTime(Date.from(now)).expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .claim(TENANT, visitor.tenantId().toString())
                .claim(VERIFIED, visitor.verified())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(ALGORITHM), claims);
            jwt.sign(new MACSigner(secret));
            return new Issued(jwt.serialize(), expiry);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a visitor token", e);
        }
    }

    /** The visitor, or empty for a token that is malformed, forged, expired, or meant for another tenant. */
    public Optional<Visitor> verify(String token, UUID tenantId) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!ALGORITHM.equals(jwt.getHeader().getAlgorithm()) || jwt.getState() != JWSObject.State.SIGNED
                    || !jwt.verify(new MACVerifier(secret))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            List<String> audience = claims.getAudience();
            if (expiry == null || !expiry.toInstant().isAfter(clock.instant()) || !ISSUER.equals(claims.getIssuer())
                    || audience == null || !audience.equals(List.of(AUDIENCE)) || claims.getSubject() == null
                    || !tenantId.toString().equals(claims.getStringClaim(TENANT))) {
                return Optional.empty();
            }
            return Optional.of(new Visitor(tenantId, claims.getSubject(), Boolean.TRUE.equals(claims.getBooleanClaim(VERIFIED))));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public record Issued(String token, Instant expiresAt) {
    }
}
