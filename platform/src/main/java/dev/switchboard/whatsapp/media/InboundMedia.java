package dev.switchboard.whatsapp.media;

import dev.switchboard.conversation.InboundContent;
import dev.switchboard.whatsapp.account.WhatsAppAccount;
import dev.switchboard.whatsapp.account.WhatsAppProperties;
import dev.switchboard.whatsapp.cloudapi.CustomerMessage;
import dev.switchboard.whatsapp.cloudapi.GraphClient;
import dev.switchboard.whatsapp.cloudapi.GraphRequestFailed;
import dev.switchboard.whatsapp.cloudapi.MediaInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fetches an inbound attachment through the Graph API media endpoint, checks it against Meta's hash, stores it,
 * and describes it for the agent. A temporary Graph failure is retried (the inbox event fails and comes back);
 * after a few tries, or on a final error, the message is still routed, saying the file could not be retrieved.
 */
@Component
public class InboundMedia {

    private static final Logger log = LoggerFactory.getLogger(InboundMedia.class);
    private static final int DOWNLOAD_ATTEMPTS = 3;

    private final GraphClient graph;
    private final MediaFiles files;
    private final VoiceNoteTranscriber transcriber;
    private final long maxBytes;

    InboundMedia(GraphClient graph, MediaFiles files, VoiceNoteTranscriber transcriber, WhatsAppProperties properties) {
        this.graph = graph;
        this.files = files;
        this.transcriber = transcriber;
        this.maxBytes = properties.mediaMaxBytes();
    }

    public InboundContent.Media resolve(WhatsAppAccount account, CustomerMessage.Attachment attachment, int attempt) {
        MediaInfo info;
        byte[] bytes;
        try {
            info = graph.media(account.graph(), attachment.mediaId());
            bytes = graph.download(account.graph(), info, maxBytes);
        } catch (GraphRequestFailed e) {
            if (e.retriable() && attempt < DOWNLOAD_ATTEMPTS) {
                throw e;
            }
            log.warn("WhatsApp {} {} of tenant {} could not be downloaded: {}", attachment.mediaType(),
                    attachment.mediaId(), account.slug(), e.getMessage());
            return unavailable(attachment, e.getMessage());
        }
        String mimeType = info.mimeType() != null ? info.mimeType() : attachment.mimeType();
        if (info.sha256() != null && info.sha256().matches("[0-9a-f]{64}") && !info.sha256().equals(MediaFiles.sha256(bytes))) {
            log.warn("WhatsApp media {} of tenant {} does not match its SHA-256; not stored", attachment.mediaId(), account.slug());
            return unavailable(attachment, "the file did not match its checksum");
        }
        String reference = files.store(account.tenantId(), bytes, mimeType);
        return new InboundContent.Media(attachment.mediaType(), reference, mimeType, attachment.caption(),
                describe(account, attachment, bytes, mimeType));
    }

    private String describe(WhatsAppAccount account, CustomerMessage.Attachment attachment, byte[] bytes, String mimeType) {
        String size = MediaDescriptions.size(bytes.length);
        return switch (attachment.mediaType()) {
            case "audio" -> transcriber.transcribe(account.tenantId(), bytes, mimeType, null)
                    .map(text -> MediaDescriptions.transcribed(attachment.voice(), text))
                    .orElseGet(() -> MediaDescriptions.untranscribed(attachment.voice(), mimeType, size));
            case "document" -> MediaDescriptions.document(attachment.filename(), mimeType, size, attachment.caption());
            default -> MediaDescriptions.visual(attachment.mediaType(), mimeType, size, attachment.caption());
        };
    }

    private static InboundContent.Media unavailable(CustomerMessage.Attachment attachment, String why) {
        return new InboundContent.Media(attachment.mediaType(), null, attachment.mimeType(), attachment.caption(),
                MediaDescriptions.unavailable(attachment.mediaType(), attachment.caption(), why));
    }
}
