package dev.switchboard.whatsapp;

import java.time.Instant;

/**
 * A free-form message (text, buttons, list) was refused before sending: the customer has not written in the last
 * 24 hours, and outside that window WhatsApp only allows an approved template.
 */
public class CustomerServiceWindowClosed extends RuntimeException {

    public static final String CODE = "customer_service_window_closed";

    public CustomerServiceWindowClosed(String waId, Instant lastInbound) {
        super("outside the 24-hour customer service window: "
                + (lastInbound == null ? "the customer " + waId + " has never written"
                        : "the customer " + waId + " last wrote at " + lastInbound)
                + "; only an approved template message may be sent now");
    }
}
