package dev.switchboard.identity.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param jwtSecret        HMAC key for access tokens (base64, at least 32 bytes); generated under
 *                         SWITCHBOARD_HOME when empty. Several nodes must share one.
 * @param accessTokenTtl   lifetime of an access token
 * @param refreshTokenTtl  lifetime of a refresh token
 * @param invitationTtl    how long an invitation link stays valid
 */
@ConfigurationProperties("switchboard.auth")
public record AuthProperties(String jwtSecret, Duration accessTokenTtl, Duration refreshTokenTtl,
                             Duration invitationTtl, String issuer, String audience) {

    public AuthProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(30) : refreshTokenTtl;
        invitationTtl = invitationTtl == null ? Duration.ofDays(7) : invitationTtl;
        issuer = issuer == null ? "switchboard" : issuer;
        audience = audience == null ? "switchboard-api" : audience;
    }
}
