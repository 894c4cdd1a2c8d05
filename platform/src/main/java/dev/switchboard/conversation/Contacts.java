package dev.switchboard.conversation;

import java.util.UUID;

/** Contacts of the current tenant scope. */
public interface Contacts {

    /** The contact behind this channel address, created on first contact. */
    Contact contactFor(Channel channel, String address, String displayName);

    Contact get(UUID contactId);

    /** Records the tenant's own customer id for this contact, once a tool or a signed identity verified it. */
    Contact verifyCustomer(UUID contactId, String customerRef, String customerName);

    void setLanguage(UUID contactId, String language);
}
