package dev.switchboard.workspace.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * The contact panel's identity part.
 *
 * @param channelAddress the contact's id on the conversation's channel (web chat visitor, WhatsApp number, phone)
 * @param customerRef    the tenant's own customer id once verified, else null
 */
public record ContactCard(UUID id, String displayName, String customerName, String customerRef, Instant verifiedAt,
                          String language, String channelAddress, Instant firstSeenAt) {
}
