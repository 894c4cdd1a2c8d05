package dev.switchboard.whatsapp;

import java.util.List;
import java.util.UUID;

/** A tenant's approved message templates, listed from the Graph API and cached for a few minutes. */
public interface WhatsAppTemplates {

    /** The approved templates, from the cache when it is fresh. */
    List<MessageTemplate> approved(UUID tenantId);

    /** Reads the templates from the Graph API again (after an edit in Meta's manager). */
    List<MessageTemplate> refresh(UUID tenantId);
}
