package dev.switchboard.agent.format;

import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The choices a reply offers, as channels render them: {@code {"buttons":[{"id","title"}]}} (up to 3 reply buttons)
 * or {@code {"list":{"button","rows":[{"id","title","description"?}]}}} (a list opened by a button, up to 10 rows).
 * Texts are cut to WhatsApp's limits (button and list-button titles 20 characters, row titles 24, descriptions 72),
 * the strictest channel, so every channel can show the same choices.
 */
public final class Choices {

    static final int MAX_BUTTONS = 3;
    static final int MAX_ROWS = 10;

    private Choices() {
    }

    /** The choices of a formatter template ({@code buttons} or {@code list}), each text rendered first; null if none. */
    static JsonNode of(JsonNode template, UnaryOperator<String> render) {
        if (template.has("buttons")) {
            ArrayNode buttons = JsonNodeFactory.instance.arrayNode();
            template.get("buttons").forEach(b -> buttons.add(choice(b, render, 20)));
            return buttons(buttons);
        }
        if (template.has("list")) {
            ArrayNode rows = JsonNodeFactory.instance.arrayNode();
            template.get("list").path("rows").forEach(r -> rows.add(choice(r, render, 24)));
            return list(render.apply(template.get("list").path("button").asString("")), rows);
        }
        return null;
    }

    /** Buttons when they fit (three at most, no descriptions), else a list opened by {@code listButton}. */
    public static JsonNode fitting(ArrayNode choices, String listButton) {
        boolean described = false;
        for (JsonNode choice : choices) {
            described |= choice.has("description");
        }
        if (choices.size() <= MAX_BUTTONS && !described) {
            ArrayNode buttons = JsonNodeFactory.instance.arrayNode();
            choices.forEach(c -> buttons.addObject().put("id", c.path("id").asString())
                    .put("title", cut(c.path("title").asString(), 20)));
            return buttons(buttons);
        }
        return list(listButton, choices);
    }

    /** One choice: an id and a title, and a description where the choice has one. */
    public static ObjectNode choice(String id, String title, String description) {
        String plainId = id == null ? "" : id.strip();
        ObjectNode choice = JsonNodeFactory.instance.objectNode()
                .put("id", plainId.length() <= 256 ? plainId : plainId.substring(0, 256)).put("title", cut(title, 24));
        if (description != null && !description.isBlank()) {
            choice.put("description", cut(description, 72));
        }
        return choice;
    }

    private static ObjectNode choice(JsonNode template, UnaryOperator<String> render, int titleLength) {
        String description = template.has("description") ? render.apply(template.get("description").asString()) : null;
        ObjectNode choice = choice(render.apply(template.path("id").asString()), render.apply(template.path("title").asString()),
                description);
        return choice.put("title", cut(choice.path("title").asString(), titleLength));
    }

    private static JsonNode buttons(ArrayNode buttons) {
        if (buttons.isEmpty()) {
            return null;
        }
        ObjectNode interactive = JsonNodeFactory.instance.objectNode();
        interactive.set("buttons", buttons);
        return interactive;
    }

    private static JsonNode list(String button, ArrayNode rows) {
        if (rows.isEmpty()) {
            return null;
        }
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < Math.min(rows.size(), MAX_ROWS); i++) {
            kept.add(rows.get(i));
        }
        ObjectNode interactive = JsonNodeFactory.instance.objectNode();
        interactive.putObject("list").put("button", cut(button, 20)).set("rows", kept);
        return interactive;
    }

    private static String cut(String text, int max) {
        String stripped = text == null ? "" : text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max - 1).stripTrailing() + "…";
    }
}
