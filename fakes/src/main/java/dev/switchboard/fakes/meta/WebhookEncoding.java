package dev.switchboard.fakes.meta;

import java.nio.charset.StandardCharsets;

/**
 * How a webhook body is serialised. Meta escapes every non-ASCII character ({@code \u00f1}) and the slash
 * ({@code \/}); a receiver that re-serialises parsed JSON before checking the signature breaks on exactly these.
 */
public enum WebhookEncoding {
    /** Meta's own form: ASCII only, {@code \\uXXXX} in lower-case hex (UTF-16 pairs for emoji), {@code \/}. */
    ESCAPED_UNICODE,
    /** Plain UTF-8 bytes, no escapes beyond JSON's required ones. */
    RAW_UTF8;

    byte[] encode(String json) {
        if (this == RAW_UTF8) {
            return json.getBytes(StandardCharsets.UTF_8);
        }
        // Outside strings JSON is pure ASCII without slashes, so escaping character by character is exact.
        var escaped = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c > 0x7E) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else if (c == '/') {
                escaped.append("\\/");
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
