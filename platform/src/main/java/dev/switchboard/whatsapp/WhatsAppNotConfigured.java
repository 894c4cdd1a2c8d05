package dev.switchboard.whatsapp;

/** The tenant has no WhatsApp number or credentials, so nothing can be sent or received for it. */
public class WhatsAppNotConfigured extends RuntimeException {

    public WhatsAppNotConfigured(String slug, String missing) {
        super("WhatsApp is not configured for tenant " + slug + ": " + missing);
    }
}
