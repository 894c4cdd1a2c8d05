package dev.switchboard.whatsapp.cloudapi;

import dev.switchboard.whatsapp.TemplateMessage;
import java.util.List;

/** What the platform sends to a customer, in the platform's terms; {@link SendBodies} writes Meta's JSON. */
public sealed interface OutgoingMessage {

    /** Free-form messages need an open customer service window; templates do not. */
    default boolean needsOpenWindow() {
        return true;
    }

    record Text(String body) implements OutgoingMessage {
    }

    /** Up to three reply buttons under a body text. */
    record Buttons(String body, List<Choice> choices) implements OutgoingMessage {
    }

    /** A list message: a button that opens up to ten rows. */
    record ChoiceList(String body, String button, List<Choice> rows) implements OutgoingMessage {
    }

    record Template(TemplateMessage template) implements OutgoingMessage {
        @Override
        public boolean needsOpenWindow() {
            return false;
        }
    }

    /** One choice offered; its {@code id} comes back when the customer taps it. */
    record Choice(String id, String title, String description) {
    }
}
