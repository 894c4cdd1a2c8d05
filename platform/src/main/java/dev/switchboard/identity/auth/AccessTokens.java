package dev.switchboard.identity.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.switchboard.identity.users.User;
import dev.switchboard.shared.SwitchboardHome;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Short-lived access tokens: HS256 JWTs. Verification allows exactly one algorithm (so {@code none} and
 * algorithm confusion are refused before any signature work), then checks signature, issuer, audience and
 * expiry. Whether the user's sessions were ended is checked by the caller against the {@code sep} claim.
 */
@Component
public class AccessTokens {

    private static final JWSAlgorithm ALGORITHM = JWSAlgorithm.HS256;
    static final String SESSION_EPOCH = "sep";

    private final byte[] secret;
    private final AuthProperties properties;
    private final Clock clock;

    AccessTokens(AuthProperties properties, SwitchboardHome home, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.secret = home.key(properties.jwtSecret(), "jwt.key", "SWITCHBOARD_JWT_SECRET");
    }

    public String issue(User user) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .audience(properties.audience())
                .subject(user.id().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.accessTokenTtl())))
                .jwtID(UUID.randomUUID().toString())
                .claim(SESSION_EPOCH, user.sessionEpoch())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(ALGORITHM), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
    }

    long ttlSeconds() {
        return properties.accessTokenTtl().toSeconds();
    }

    /** The verified claims, or empty for anything malformed, unsigned, mis-signed, expired or meant elsewhere. */
    public Optional<VerifiedToken> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!ALGORITHM.equals(jwt.getHeader().getAlgorithm()) || jwt.getState() != JWSObject.State.SIGNED
                    || !jwt.verify(new MACVerifier(secret))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            List<String> audience = claims.getAudience();
            if (expiry == null || !expiry.toInstant().isAfter(clock.instant())
                    || !properties.issuer().equals(claims.getIssuer())
                    || audience == null || !audience.contains(properties.audience())
                    || claims.getSubject() == null || claims.getIntegerClaim(SESSION_EPOCH) == null) {
                return Optional.empty();
            }
            return Optional.of(new VerifiedToken(UUID.fromString(claims.getSubject()), claims.getIntegerClaim(SESSION_EPOCH)));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public record VerifiedToken(UUID userId, int sessionEpoch) {
    }
}
