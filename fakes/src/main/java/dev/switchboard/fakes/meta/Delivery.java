package dev.switchboard.fakes.meta;

import java.time.Duration;

/** What the receiver answered to one webhook POST (or the verification GET), and how long it took. */
public record Delivery(int status, String responseBody, Duration latency, SignedWebhook webhook) {

    public boolean acknowledged() {
        return status >= 200 && status < 300;
    }
}
