package dev.switchboard.shared;

import java.util.List;

/**
 * Implemented by each module that talks to an outside provider, to say whether it runs live or as an offline
 * stand-in. The start-up banner and {@code GET /api/v1/system/status} list every answer.
 */
public interface ProviderStatus {

    List<Mode> modes();

    /**
     * @param component what it is ("LLM", "speech to text"...)
     * @param live      true when a real provider is configured
     * @param detail    which provider, or which stand-in replaces it
     */
    record Mode(String component, boolean live, String detail) {
    }
}
