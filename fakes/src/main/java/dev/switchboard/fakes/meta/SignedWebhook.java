package dev.switchboard.fakes.meta;

import java.nio.charset.StandardCharsets;

/** A webhook body exactly as it will be sent, and its {@code X-Hub-Signature-256} over those bytes. */
public record SignedWebhook(byte[] body, String signature) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
