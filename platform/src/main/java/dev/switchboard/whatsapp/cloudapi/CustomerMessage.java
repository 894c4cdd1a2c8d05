package dev.switchboard.whatsapp.cloudapi;

import dev.switchboard.conversation.InboundContent;
import java.time.Instant;

/**
 * An inbound message from a customer, read from the inbox. {@code content} is ready for the router, unless the
 * message carries media that must be fetched first ({@code attachment} is then set and {@code content} null).
 */
public record CustomerMessage(String waId, String profileName, String wamid, Instant sentAt, String type,
                              InboundContent content, Attachment attachment) {

    /**
     * Media Meta holds for us under {@code mediaId}.
     *
     * @param mediaType image, audio, video or document
     * @param voice     a voice note recorded in WhatsApp (audio only)
     */
    public record Attachment(String mediaType, String mediaId, String mimeType, String sha256, String caption,
                             String filename, boolean voice) {
    }
}
