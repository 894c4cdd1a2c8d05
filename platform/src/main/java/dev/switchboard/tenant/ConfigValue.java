package dev.switchboard.tenant;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * An effective setting and where it comes from: {@code directory} (the tenant's files) or {@code override}
 * (a dashboard edit, with its version, author and time).
 */
public record ConfigValue(String key, JsonNode value, Source source, JsonNode directoryValue, Long version,
                          UUID changedBy, Instant changedAt) {

    public enum Source { DIRECTORY, OVERRIDE }
}
