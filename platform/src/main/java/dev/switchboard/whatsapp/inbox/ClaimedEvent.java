package dev.switchboard.whatsapp.inbox;

/** An inbox row a worker holds under lease; {@code attempts} counts this one. */
record ClaimedEvent(long id, String kind, String key, String payload, int attempts) {
}
