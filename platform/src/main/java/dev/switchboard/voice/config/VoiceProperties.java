package dev.switchboard.voice.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's voice settings (environment variables, see README).
 *
 * @param publicUrl      the base URL Twilio reaches the platform at; signatures are checked against it
 * @param twilioBaseUrl  Twilio REST, unless a tenant names its own
 * @param deepgramApiKey operator key for tenants without their own (never sent to a tenant-chosen base URL)
 * @param tokenSecret    signs the media stream's call tokens; every node must share it (generated when empty)
 * @param tokenTtl       how long a call token opens a media stream after the webhook answered
 * @param holdAfter      the agent has said nothing for this long: the caller hears the holding phrase
 * @param giveUpAfter    the agent has not finished after this long: the turn is cancelled with an apology
 */
@ConfigurationProperties("switchboard.voice")
public record VoiceProperties(String publicUrl, String twilioBaseUrl, String deepgramBaseUrl, String deepgramApiKey,
                              String elevenlabsBaseUrl, String elevenlabsApiKey, String tokenSecret, Duration tokenTtl,
                              Duration holdAfter, Duration giveUpAfter, Recordings recordings) {

    /** Where recordings go: {@code file} under SWITCHBOARD_HOME, or {@code s3} (any S3-compatible store). */
    public record Recordings(String store, String s3Endpoint, String s3Bucket, String s3Region, String s3AccessKey,
                             String s3SecretKey) {
        public Recordings {
            store = blank(store) ? "file" : store;
            s3Region = blank(s3Region) ? "us-east-1" : s3Region;
        }

        public boolean s3() {
            return "s3".equalsIgnoreCase(store);
        }
    }

    public VoiceProperties {
        twilioBaseUrl = blank(twilioBaseUrl) ? "https://api.twilio.com" : trim(twilioBaseUrl);
        deepgramBaseUrl = blank(deepgramBaseUrl) ? "wss://api.deepgram.com" : trim(deepgramBaseUrl);
        elevenlabsBaseUrl = blank(elevenlabsBaseUrl) ? "wss://api.elevenlabs.io" : trim(elevenlabsBaseUrl);
        publicUrl = blank(publicUrl) ? null : trim(publicUrl);
        tokenTtl = tokenTtl == null ? Duration.ofMinutes(2) : tokenTtl;
        holdAfter = holdAfter == null ? Duration.ofMillis(2500) : holdAfter;
        giveUpAfter = giveUpAfter == null ? Duration.ofSeconds(12) : giveUpAfter;
        recordings = recordings == null ? new Recordings(null, null, null, null, null, null) : recordings;
    }

    public boolean hasDeepgramKey() {
        return !blank(deepgramApiKey);
    }

    public boolean hasElevenLabsKey() {
        return !blank(elevenlabsApiKey);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trim(String url) {
        return url.strip().replaceAll("/+$", "");
    }
}
