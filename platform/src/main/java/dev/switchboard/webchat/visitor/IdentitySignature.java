package dev.switchboard.webchat.visitor;

import dev.switchboard.shared.Forbidden;
import dev.switchboard.shared.InvalidRequest;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.TenantSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The tenant's site vouches for its signed-in user: it passes its own user id and the hex HMAC-SHA256 of that
 * id made with the tenant secret named by {@code channels.webchat.identitySecretName}. Only the site's server
 * knows that secret, so a visitor cannot claim someone else's account by editing the page.
 */
@Component
class IdentitySignature {

    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@:+-]{1,128}");

    private final TenantSecrets secrets;

    IdentitySignature(TenantSecrets secrets) {
        this.secrets = secrets;
    }

    /** Returns normally when {@code hash} is the site's signature of {@code userId}; refuses otherwise. */
    void check(TenantDefinition tenant, String userId, String hash) {
        if (!USER_ID.matcher(userId).matches()) {
            throw InvalidRequest.field("userId", "1-128 characters: letters, digits and . _ @ : + -");
        }
        if (hash == null || !hash.matches("[0-9a-fA-F]{64}")) {
            throw InvalidRequest.field("userHash", "the hex HMAC-SHA256 of userId (64 hex digits)");
        }
        String secretName = tenant.section("channels", "webchat", "identitySecretName").stringValue("");
        String secret = secretName.isEmpty() ? null : secrets.reveal(tenant.id(), secretName).orElse(null);
        if (secret == null) {
            throw new Forbidden("this site has no identity verification configured");
        }
        byte[] expected = sign(secret, userId);
        if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(hash.toLowerCase()))) {
            throw new Forbidden("the identity signature does not match");
        }
    }

    static byte[] sign(String secret, String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
