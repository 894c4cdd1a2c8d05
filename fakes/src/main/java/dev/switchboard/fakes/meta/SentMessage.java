package dev.switchboard.fakes.meta;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A message the fake accepted (answered 200): its wamid, sender number, recipient wa_id, type and the body as sent.
 * {@code failure} is set when the fake will report it {@code failed} (e.g. 131047 under
 * {@link WindowRule#FAIL_BY_STATUS}).
 */
public record SentMessage(String wamid, String phoneNumberId, String to, String type, JsonNode body,
                          Instant acceptedAt, GraphError failure) {
}
