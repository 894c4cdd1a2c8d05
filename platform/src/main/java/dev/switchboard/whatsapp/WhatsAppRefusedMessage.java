package dev.switchboard.whatsapp;

/**
 * Meta refused a message, or kept refusing it after the retries that were safe. {@code code} is Meta's error code
 * (131026 undeliverable, 132001 unknown template...), {@code title} its text and {@code details} its explanation.
 */
public class WhatsAppRefusedMessage extends RuntimeException {

    private final int code;
    private final String title;
    private final String details;

    public WhatsAppRefusedMessage(int code, String title, String details) {
        super("(#" + code + ") " + title + (details == null || details.isBlank() ? "" : ": " + details));
        this.code = code;
        this.title = title;
        this.details = details;
    }

    public int code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String details() {
        return details;
    }
}
