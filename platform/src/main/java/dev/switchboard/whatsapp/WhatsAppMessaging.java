package dev.switchboard.whatsapp;

import java.util.UUID;

/**
 * Sends outside a conversation (campaign broadcasts): template messages, paced per business number like every
 * other send. Statuses come back as {@link WhatsAppStatusReported} events carrying the {@code correlation}.
 */
public interface WhatsAppMessaging {

    /**
     * Sends an approved template to {@code waId}; returns the wamid Meta accepted it under.
     *
     * @param correlation echoed on every status of this message (Meta's biz_opaque_callback_data, at most 512
     *                    characters), e.g. a campaign recipient's id; may be null
     * @throws WhatsAppNotConfigured  the tenant has no WhatsApp number or credentials
     * @throws WhatsAppRefusedMessage Meta refused it (unknown template, wrong parameters...) with its code
     */
    String sendTemplate(UUID tenantId, String waId, TemplateMessage template, String correlation);

    /** Whether free-form messages may go to {@code waId} now: the customer wrote within the last 24 hours. */
    boolean customerServiceWindowOpen(UUID tenantId, String waId);
}
