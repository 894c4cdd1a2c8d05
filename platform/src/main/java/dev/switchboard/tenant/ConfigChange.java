package dev.switchboard.tenant;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** One versioned edit of one setting. {@code newValue} null: the override was removed. */
public record ConfigChange(long version, String key, JsonNode oldValue, JsonNode newValue, UUID changedBy,
                           Instant changedAt, Long revertedVersion) {
}
