package dev.switchboard.tenant;

import java.util.List;
import java.util.Map;

/** The agent settings a tenant directory declares; the dashboard may override each of them. */
public record AgentDefaults(String provider, String model, String fallbackModel, String baseUrl, double temperature,
                            int maxTokens, int sessionExpiryMinutes, Map<String, String> greeting,
                            String systemPromptFile, List<String> enabledTools, boolean fallbackToFlow) {
}
