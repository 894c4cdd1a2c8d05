package dev.switchboard.whatsapp.cloudapi;

import java.time.Instant;

/**
 * A status Meta reported for a message the tenant sent.
 *
 * @param status       sent, delivered, read, failed (or played, deleted, warning, which the platform ignores)
 * @param callbackData the biz_opaque_callback_data the send carried, if any
 */
public record DeliveryUpdate(String wamid, String status, String recipient, Instant at, Integer errorCode,
                             String errorTitle, String errorDetails, String callbackData) {
}
