package dev.switchboard.whatsapp.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Checks {@code X-Hub-Signature-256: sha256=<hex>} (HMAC-SHA256 of the raw body, keyed with the app secret) in
 * constant time. Initialised {@link Mac}s are pooled per secret and reused: a thread-local would hold one Mac per
 * request thread and tenant secret, and building one per request is what does not scale.
 */
@Component
class HubSignature {

    private static final String PREFIX = "sha256=";
    private static final int MAX_SECRETS = 10_000;

    private final Map<String, ConcurrentLinkedQueue<Mac>> pools = new ConcurrentHashMap<>();

    enum Verdict { VALID, MISSING, MALFORMED, MISMATCH }

    Verdict check(String appSecret, byte[] body, String header) {
        if (header == null || header.isBlank()) {
            return Verdict.MISSING;
        }
        if (!header.startsWith(PREFIX) || header.length() != PREFIX.length() + 64) {
            return Verdict.MALFORMED;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(header, PREFIX.length(), header.length());
        } catch (IllegalArgumentException e) {
            return Verdict.MALFORMED;
        }
        return MessageDigest.isEqual(claimed, hmac(appSecret, body)) ? Verdict.VALID : Verdict.MISMATCH;
    }

    /** {@code sha256=} and the lower-case hex HMAC, as Meta sends it. */
    String sign(String appSecret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(appSecret, body));
    }

    private byte[] hmac(String appSecret, byte[] body) {
        if (pools.size() > MAX_SECRETS) {
            pools.clear();
        }
        ConcurrentLinkedQueue<Mac> pool = pools.computeIfAbsent(appSecret, s -> new ConcurrentLinkedQueue<>());
        Mac mac = pool.poll();
        if (mac == null) {
            mac = newMac(appSecret);
        }
        try {
            return mac.doFinal(body);
        } finally {
            pool.offer(mac);
        }
    }

    private static Mac newMac(String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
