package dev.switchboard.whatsapp.cloudapi;

import java.util.List;
import java.util.Set;

/**
 * A parsed webhook POST: its events, and the business numbers and accounts they were addressed to (the receiver
 * checks those belong to the tenant whose URL was called).
 *
 * @param templatesChanged Meta reported a template status or content change (the cached list is stale)
 * @param errors           system-level errors Meta reported (value.errors[]), for the log
 */
public record WebhookNotification(List<WebhookEvent> events, Set<String> phoneNumberIds,
                                  Set<String> businessAccountIds, boolean templatesChanged, List<String> errors) {
}
