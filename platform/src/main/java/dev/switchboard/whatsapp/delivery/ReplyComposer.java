package dev.switchboard.whatsapp.delivery;

import dev.switchboard.conversation.Message;
import dev.switchboard.whatsapp.TemplateMessage;
import dev.switchboard.whatsapp.cloudapi.OutgoingMessage;
import dev.switchboard.whatsapp.cloudapi.OutgoingMessage.Choice;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a conversation message into what WhatsApp can carry, within its limits. The message's {@code content}
 * decides the kind:
 * <pre>
 * {"interactive": {"buttons": [{"id": "cancel_visit", "title": "Cancel visit"}, ...]}}      reply buttons (1-3)
 * {"interactive": {"list": {"button": "Options", "rows": [{"id", "title", "description"}]}}} a list (up to 10)
 * {"template": {"name": "...", "language": "es", "components": [...]}}                       a template
 * </pre>
 * anything else is sent as text. More than three buttons become a list; titles are cut to WhatsApp's lengths; a
 * body too long for an interactive message goes first as text, followed by the choices.
 */
@Component
class ReplyComposer {

    static final int TEXT_LIMIT = 4096;
    private static final int INTERACTIVE_BODY_LIMIT = 1024;
    private static final int MAX_BUTTONS = 3;
    private static final int MAX_ROWS = 10;

    private final JsonMapper json;

    ReplyComposer(JsonMapper json) {
        this.json = json;
    }

    List<OutgoingMessage> compose(Message message, String language) {
        JsonNode content = message.content() == null ? json.createObjectNode() : message.content();
        String text = message.text() == null ? "" : message.text().strip();
        if (content.path("template").isObject()) {
            return List.of(new OutgoingMessage.Template(json.treeToValue(content.get("template"), TemplateMessage.class)));
        }
        JsonNode interactive = content.path("interactive");
        List<Choice> buttons = choices(interactive.path("buttons"), 20);
        if (!buttons.isEmpty() && buttons.size() <= MAX_BUTTONS) {
            return withBody(text, language, body -> new OutgoingMessage.Buttons(body, buttons));
        }
        JsonNode list = interactive.path("list");
        List<Choice> rows = buttons.size() > MAX_BUTTONS ? choices(interactive.path("buttons"), 24)
                : choices(list.path("rows"), 24);
        if (!rows.isEmpty()) {
            String label = cut(list.path("button").asString(Prompts.options(language)), 20);
            return withBody(text, language, body -> new OutgoingMessage.ChoiceList(body, label, rows));
        }
        return texts(text.isEmpty() ? "…" : text);
    }

    private List<OutgoingMessage> withBody(String text, String language,
                                           java.util.function.Function<String, OutgoingMessage> choices) {
        if (text.isEmpty()) {
            return List.of(choices.apply(Prompts.choose(language)));
        }
        if (text.length() <= INTERACTIVE_BODY_LIMIT) {
            return List.of(choices.apply(text));
        }
        List<OutgoingMessage> parts = new ArrayList<>(texts(text));
        parts.add(choices.apply(Prompts.choose(language)));
        return parts;
    }

    private static List<OutgoingMessage> texts(String text) {
        List<OutgoingMessage> parts = new ArrayList<>();
        for (int start = 0; start < text.length(); ) {
            int end = Math.min(text.length(), start + TEXT_LIMIT);
            if (end < text.length()) {
                int lastBreak = Math.max(text.lastIndexOf('\n', end), text.lastIndexOf(' ', end));
                end = lastBreak > start ? lastBreak : end;
            }
            parts.add(new OutgoingMessage.Text(text.substring(start, end).strip()));
            start = end;
        }
        return parts;
    }

    private static List<Choice> choices(JsonNode array, int titleLimit) {
        List<Choice> choices = new ArrayList<>();
        for (JsonNode item : array) {
            String id = item.path("id").asString("");
            String title = item.path("title").asString("");
            if (!id.isBlank() && !title.isBlank() && choices.size() < MAX_ROWS) {
                choices.add(new Choice(cut(id, 256), cut(title, titleLimit),
                        item.path("description").isString() ? cut(item.get("description").asString(), 72) : null));
            }
        }
        return choices;
    }

    private static String cut(String value, int limit) {
        return value.length() <= limit ? value : value.substring(0, limit - 1) + "…";
    }

    /** The few words the channel adds itself. */
    static final class Prompts {
        private Prompts() {
        }

        static String choose(String language) {
            return "es".equals(language) ? "Elige una opción:" : "Choose an option:";
        }

        static String options(String language) {
            return "es".equals(language) ? "Ver opciones" : "See options";
        }
    }
}
