package dev.switchboard.whatsapp.account;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operator settings of the WhatsApp channel (tenants choose their number and pace in their directory).
 *
 * @param graphUrl      the Graph API base URL for every tenant that does not name its own (tests, the fakes)
 * @param graphVersion  the Graph API version for tenants that do not pin one
 * @param workers       inbox workers per node
 * @param claimBatch    inbox rows a worker claims at once
 * @param maxAttempts   processing attempts before an inbox row is set aside as dead (and logged)
 * @param mediaMaxBytes the largest inbound media file stored
 * @param deepgramUrl   Deepgram's API, for voice-note transcription when a tenant has a deepgram_api_key
 * @param ackTimeout    how long a webhook waits for its events to be stored before answering 503
 * @param retention     how long processed inbox rows are kept as the deduplication record
 * @param ackTarget     the smoothed time webhooks wait for their write above which inbox processing makes way for
 *                      them: lower keeps acknowledgements faster under overload, at the cost of fewer replies
 *                      meanwhile (see ClaimAllowance)
 */
@ConfigurationProperties("switchboard.whatsapp")
public record WhatsAppProperties(URI graphUrl, String graphVersion, Integer workers, Integer claimBatch,
                                 Integer maxAttempts, Long mediaMaxBytes, URI deepgramUrl, Duration ackTimeout,
                                 Duration retention, Duration ackTarget) {

    public WhatsAppProperties {
        graphUrl = graphUrl == null || graphUrl.toString().isBlank() ? URI.create("https://graph.facebook.com") : graphUrl;
        graphVersion = graphVersion == null || graphVersion.isBlank() ? "v23.0" : graphVersion;
        workers = workers == null ? 8 : Math.clamp(workers, 1, 256);
        claimBatch = claimBatch == null ? 32 : Math.clamp(claimBatch, 1, 500);
        maxAttempts = maxAttempts == null ? 10 : Math.max(1, maxAttempts);
        mediaMaxBytes = mediaMaxBytes == null ? 32L << 20 : mediaMaxBytes;
        deepgramUrl = deepgramUrl == null || deepgramUrl.toString().isBlank() ? URI.create("https://api.deepgram.com") : deepgramUrl;
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(10) : ackTimeout;
        retention = retention == null ? Duration.ofDays(30) : retention;
        ackTarget = ackTarget == null || ackTarget.isNegative() || ackTarget.isZero() ? Duration.ofMillis(20) : ackTarget;
    }
}
