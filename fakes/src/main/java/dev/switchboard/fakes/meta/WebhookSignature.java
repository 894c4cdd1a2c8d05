package dev.switchboard.fakes.meta;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * {@code X-Hub-Signature-256}: {@code sha256=} and the lower-case hex HMAC-SHA256 of the exact body bytes, keyed
 * with the app secret. One {@link Mac} per thread: creating one per request does not scale at benchmark rates.
 */
public final class WebhookSignature {

    private final ThreadLocal<Mac> macs;

    public WebhookSignature(String appSecret) {
        var key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                var mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        });
    }

    /** The header value for {@code body}, e.g. {@code sha256=02fe0c...}. */
    public String header(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(macs.get().doFinal(body));
    }
}
