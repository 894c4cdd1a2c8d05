package dev.switchboard.webchat.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret              base64 of 32+ bytes that signs visitor tokens (SWITCHBOARD_WEBCHAT_SECRET); generated
 *                            once under SWITCHBOARD_HOME when empty. Every node must share it
 * @param tokenTtl            how long a visitor token lives; the widget renews it while it is valid
 * @param extraOrigins        operator additions to tenants' allowed origins, {@code slug=origin} comma-separated
 *                            (test runs, staging sites), on top of each tenant.yaml's list
 * @param demoPage            serve {@code /demo/{tenant}} and accept the platform's own origin for every tenant's
 *                            widget, so the demo page works on whatever port the platform runs
 * @param publicUrl           the platform's public base URL (its own origin); empty: http://localhost:PORT
 * @param maxMessageChars     the longest visitor message accepted
 * @param sessionsPerMinute   visitor tokens one client address may obtain per minute
 * @param socketsPerVisitor   open sockets one visitor may hold (tabs)
 * @param messagesPerMinute   visitor messages per minute when the tenant sets no budget
 * @param fanout              tell other nodes (PostgreSQL LISTEN/NOTIFY) what this one delivers, for their sockets
 */
@ConfigurationProperties("switchboard.webchat")
public record WebchatProperties(String secret, Duration tokenTtl, String extraOrigins, Boolean demoPage,
                                String publicUrl, Integer maxMessageChars, Integer sessionsPerMinute,
                                Integer socketsPerVisitor, Integer messagesPerMinute, Boolean fanout) {

    public WebchatProperties {
        tokenTtl = tokenTtl == null ? Duration.ofDays(30) : tokenTtl;
        demoPage = demoPage == null || demoPage;
        maxMessageChars = maxMessageChars == null ? 4000 : maxMessageChars;
        sessionsPerMinute = sessionsPerMinute == null ? 30 : sessionsPerMinute;
        socketsPerVisitor = socketsPerVisitor == null ? 8 : socketsPerVisitor;
        messagesPerMinute = messagesPerMinute == null ? 20 : messagesPerMinute;
        fanout = fanout == null || fanout;
    }

    /** {@code extraOrigins} by tenant slug. */
    public Map<String, List<String>> extraOriginsBySlug() {
        Map<String, List<String>> bySlug = new LinkedHashMap<>();
        if (extraOrigins == null || extraOrigins.isBlank()) {
            return bySlug;
        }
        for (String entry : extraOrigins.split(",")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                bySlug.computeIfAbsent(entry.substring(0, eq).strip(), s -> new ArrayList<>())
                        .add(entry.substring(eq + 1).strip().replaceAll("/+$", ""));
            }
        }
        return bySlug;
    }
}
