package dev.switchboard.agent.format;

import tools.jackson.databind.JsonNode;

/**
 * A formatter's output for one channel: the text, and the choices its template offers (null when none), in the shape
 * outbound messages carry them under {@code content.interactive} (see {@link Choices}).
 */
public record Rendering(String text, JsonNode interactive) {
}
