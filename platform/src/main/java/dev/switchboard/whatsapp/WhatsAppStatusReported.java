package dev.switchboard.whatsapp;

import java.time.Instant;
import java.util.UUID;

/**
 * Meta reported what happened to a message the tenant sent: sent, delivered, read or failed. Published once per
 * (wamid, status), in whatever order Meta delivers them; consumers keep the furthest status.
 *
 * @param messageId   the conversation message it belongs to, or null (a campaign send)
 * @param correlation what the sender passed along with the message, or null
 * @param errorCode   Meta's error code when failed (131047, 131026...), else null
 */
public record WhatsAppStatusReported(UUID tenantId, String providerMessageId, UUID messageId, String correlation,
                                     String recipient, String status, Integer errorCode, String errorTitle,
                                     Instant occurredAt) {
}
