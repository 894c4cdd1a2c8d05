package dev.switchboard.webchat.visitor;

import java.util.UUID;

/**
 * A web chat visitor as a verified token names them. {@code id} is the visitor's address on the web chat
 * channel: random for an anonymous visitor, derived from the site's user id when the site vouched for them.
 */
public record Visitor(UUID tenantId, String id, boolean verified) {

    /** Web chat addresses of visitors the tenant's site identified start with this prefix. */
    static final String VERIFIED_PREFIX = "user:";

    /** The channel's id for the visitor's n-th message, scoped to the visitor so ids never meet across visitors. */
    public String providerMessageId(String clientMessageId) {
        return id + "/" + clientMessageId;
    }

    /** The client's own id back from a provider message id this visitor sent, or null. */
    public String clientMessageId(String providerMessageId) {
        String prefix = id + "/";
        return providerMessageId != null && providerMessageId.startsWith(prefix)
                ? providerMessageId.substring(prefix.length()) : null;
    }
}
