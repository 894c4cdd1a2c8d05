package dev.switchboard.agent.graph;

import dev.switchboard.conversation.Message;
import dev.switchboard.tenant.TenantDefinition;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's {@code agent.handoffRules}: keywords in the customer's words (whole words, accents and case
 * ignored) hand off before any model is asked; {@code afterFailedToolCalls} hands off after that many tool calls
 * in a row failed in the conversation.
 */
@Component
class HandoffRules {

    Optional<String> keywordRule(TenantDefinition tenant, String customerText) {
        Set<String> words = new java.util.HashSet<>(List.of(plain(customerText).split("[^a-z0-9]+")));
        for (JsonNode rule : tenant.section("agent", "handoffRules")) {
            for (JsonNode keyword : rule.path("keywords")) {
                String wanted = plain(keyword.asString());
                if (wanted.contains(" ") ? plain(customerText).contains(wanted) : words.contains(wanted)) {
                    return Optional.of(rule.path("reason").asString("customer_asked_for_human"));
                }
            }
        }
        return Optional.empty();
    }

    /** {@code toolRows}: the conversation's latest TOOL messages, oldest first. */
    Optional<String> failureRule(TenantDefinition tenant, List<Message> toolRows) {
        int failedInARow = 0;
        for (Message row : toolRows.reversed()) {
            String status = row.content().path("status").asString("");
            if (status.equals("ok")) {
                break;
            }
            if (!status.equals("pending") && !status.equals("running")) {
                failedInARow++;
            }
        }
        for (JsonNode rule : tenant.section("agent", "handoffRules")) {
            int limit = rule.path("afterFailedToolCalls").asInt(0);
            if (limit > 0 && failedInARow >= limit) {
                return Optional.of(rule.path("reason").asString("repeated_tool_failures"));
            }
        }
        return Optional.empty();
    }

    static String plain(String text) {
        return Normalizer.normalize(text == null ? "" : text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }
}
