package dev.switchboard.whatsapp.intake;

import dev.switchboard.whatsapp.cloudapi.WebhookEvent;
import org.springframework.stereotype.Component;

/** Dispatches one stored webhook event, inside its tenant's scope; throws to have it retried later. */
@Component
public class EventIntake {

    private final MessageIntake messages;
    private final StatusIntake statuses;

    EventIntake(MessageIntake messages, StatusIntake statuses) {
        this.messages = messages;
        this.statuses = statuses;
    }

    /** @param attempt 1 on the first try; media downloads give up retrying after a few */
    public void handle(String kind, String payload, int attempt) {
        switch (kind) {
            case WebhookEvent.MESSAGE -> messages.handle(payload, attempt);
            case WebhookEvent.STATUS -> statuses.handle(payload);
            default -> throw new IllegalArgumentException("unknown inbox event kind " + kind);
        }
    }
}
