package dev.switchboard.bench.webchat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tenant the benchmark talks to: web chat on, the LLM (the operator's endpoint, here the Anthropic fake), no
 * tools, budgets far above what the run needs so that only the platform limits it.
 */
final class BenchTenant {

    static final String SLUG = "bench";
    static final String ORIGIN = "http://bench.localhost";

    private BenchTenant() {
    }

    static Path write(Path tenants) throws IOException {
        Path dir = Files.createDirectories(tenants.resolve(SLUG).resolve("prompts"));
        Files.writeString(dir.resolve("system.md"), "You are the benchmark tenant's assistant. Answer briefly.\n");
        Files.writeString(tenants.resolve(SLUG).resolve("tenant.yaml"), """
                name: Bench Co
                languages: [en]
                timezone: UTC
                channels:
                  webchat:
                    enabled: true
                    allowedOrigins: [%s]
                agent:
                  provider: anthropic
                  model: claude-haiku-4-5
                  temperature: 0.2
                  maxTokens: 256
                  sessionExpiryMinutes: 600
                  fallbackToFlow: false
                  systemPromptFile: prompts/system.md
                  greeting:
                    en: "Hi, this is the benchmark."
                  enabledTools: []
                  budgets:
                    tokensPerDay: 2000000000
                    turnsPerConversation: 100000
                    messagesPerMinutePerContact: 600
                    toolCallsPerTurn: 1
                    stepsPerTurn: 2
                """.formatted(ORIGIN));
        return tenants;
    }
}
