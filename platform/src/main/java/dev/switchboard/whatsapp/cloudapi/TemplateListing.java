package dev.switchboard.whatsapp.cloudapi;

import dev.switchboard.whatsapp.MessageTemplate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Maps a template of Meta's listing to {@link MessageTemplate}, counting the values a send must supply. */
final class TemplateListing {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
    private static final Set<String> MEDIA_HEADERS = Set.of("IMAGE", "VIDEO", "DOCUMENT", "LOCATION");

    private TemplateListing() {
    }

    static MessageTemplate template(JsonNode node) {
        List<MessageTemplate.Component> components = new ArrayList<>();
        int parameters = 0;
        for (JsonNode component : node.path("components")) {
            String type = component.path("type").asString("");
            String format = component.path("format").asString(null);
            String text = component.path("text").asString(null);
            List<MessageTemplate.Button> buttons = new ArrayList<>();
            for (JsonNode button : component.path("buttons")) {
                String url = button.path("url").asString(null);
                buttons.add(new MessageTemplate.Button(button.path("type").asString(null),
                        button.path("text").asString(null), url, button.path("phone_number").asString(null)));
                parameters += placeholders(url).size();
            }
            parameters += placeholders(text).size() + (format != null && MEDIA_HEADERS.contains(format) ? 1 : 0);
            components.add(new MessageTemplate.Component(type, format, text, List.copyOf(buttons)));
        }
        return new MessageTemplate(node.path("name").asString(""), node.path("language").asString(""),
                node.path("category").asString(null), node.path("status").asString(null), List.copyOf(components),
                parameters);
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            PLACEHOLDER.matcher(text).results().forEach(m -> names.add(m.group(1)));
        }
        return names;
    }
}
