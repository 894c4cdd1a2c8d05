package dev.switchboard.whatsapp.cloudapi;

/**
 * One message or status out of a webhook envelope, as the inbox stores it.
 *
 * @param kind    message or status
 * @param key     Meta's identity of the event: the wamid for a message, wamid:status for a status
 * @param payload the event's JSON (with the sender's profile for a message), read back by {@link InboundEvents}
 */
public record WebhookEvent(String kind, String key, String payload) {

    public static final String MESSAGE = "message";
    public static final String STATUS = "status";
}
