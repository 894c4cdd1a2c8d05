package dev.switchboard.voice.twilio;

import dev.switchboard.shared.SwitchboardHome;
import dev.switchboard.voice.config.VoiceProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Short-lived tokens that let exactly one Twilio call open its media stream: the webhook (whose signature was
 * verified) issues one for its call, TwiML hands it to Twilio as a stream parameter, and the WebSocket accepts
 * the stream only if the token is genuine, unexpired and names the call the stream says it carries.
 */
@Component
class CallTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_IN = Base64.getUrlDecoder();

    private final byte[] key;
    private final VoiceProperties properties;
    private final Clock clock;

    @Autowired
    CallTokens(VoiceProperties properties, SwitchboardHome home) {
        this(properties, secret(properties, home), Clock.systemUTC());
    }

    CallTokens(VoiceProperties properties, byte[] key, Clock clock) {
        this.properties = properties;
        this.key = key.clone();
        this.clock = clock;
    }

    /** What a valid token says: whose call it is and how the stream is to be handled. */
    record Claims(UUID tenantId, UUID callId, String callSid, String mode) {
    }

    String issue(Claims claims) {
        long expires = Instant.now(clock).plus(properties.tokenTtl()).getEpochSecond();
        String payload = claims.tenantId() + "|" + claims.callId() + "|" + claims.callSid() + "|" + claims.mode() + "|" + expires;
        String body = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return body + "." + B64.encodeToString(mac(body));
    }

    /** The claims of a genuine, unexpired token issued for {@code callSid}; empty for anything else. */
    Optional<Claims> verify(String token, String callSid) {
        if (token == null || callSid == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            return Optional.empty();
        }
        try {
            String body = token.substring(0, dot);
            if (!MessageDigest.isEqual(mac(body), B64_IN.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = new String(B64_IN.decode(body), StandardCharsets.UTF_8).split("\\|");
            boolean expired = Instant.now(clock).getEpochSecond() > Long.parseLong(parts[4]);
            if (parts.length != 5 || expired || !parts[2].equals(callSid)) {
                return Optional.empty();
            }
            return Optional.of(new Claims(UUID.fromString(parts[0]), UUID.fromString(parts[1]), parts[2], parts[3]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] secret(VoiceProperties properties, SwitchboardHome home) {
        String configured = properties.tokenSecret();
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        return home.readOrCreatePrivate("call-token-secret", () -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return Base64.getEncoder().encodeToString(random);
        }).getBytes(StandardCharsets.UTF_8);
    }
}
