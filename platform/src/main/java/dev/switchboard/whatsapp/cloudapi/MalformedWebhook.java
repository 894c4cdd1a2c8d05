package dev.switchboard.whatsapp.cloudapi;

/** A correctly signed webhook body that is not a WhatsApp notification we can read. */
public class MalformedWebhook extends RuntimeException {

    public MalformedWebhook(String message) {
        super(message);
    }
}
