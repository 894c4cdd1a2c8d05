package dev.switchboard.whatsapp.cloudapi;

import dev.switchboard.whatsapp.TemplateMessage;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Meta's {@code /messages} request bodies for each kind of outgoing message. */
final class SendBodies {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SendBodies() {
    }

    static ObjectNode of(String to, OutgoingMessage message, String callbackData) {
        ObjectNode body = JSON.objectNode().put("messaging_product", "whatsapp").put("recipient_type", "individual")
                .put("to", to);
        if (callbackData != null) {
            body.put("biz_opaque_callback_data", callbackData);
        }
        switch (message) {
            case OutgoingMessage.Text text -> body.put("type", "text")
                    .set("text", JSON.objectNode().put("preview_url", false).put("body", text.body()));
            case OutgoingMessage.Buttons buttons -> body.put("type", "interactive").set("interactive", buttons(buttons));
            case OutgoingMessage.ChoiceList list -> body.put("type", "interactive").set("interactive", list(list));
            case OutgoingMessage.Template template -> body.put("type", "template")
                    .set("template", template(template.template()));
        }
        return body;
    }

    private static ObjectNode buttons(OutgoingMessage.Buttons buttons) {
        ArrayNode replies = JSON.arrayNode();
        buttons.choices().forEach(c -> replies.add(JSON.objectNode().put("type", "reply")
                .set("reply", JSON.objectNode().put("id", c.id()).put("title", c.title()))));
        ObjectNode interactive = JSON.objectNode().put("type", "button");
        interactive.set("body", JSON.objectNode().put("text", buttons.body()));
        interactive.set("action", JSON.objectNode().set("buttons", replies));
        return interactive;
    }

    private static ObjectNode list(OutgoingMessage.ChoiceList list) {
        ArrayNode rows = JSON.arrayNode();
        list.rows().forEach(c -> {
            ObjectNode row = rows.addObject().put("id", c.id()).put("title", c.title());
            if (c.description() != null && !c.description().isBlank()) {
                row.put("description", c.description());
            }
        });
        ObjectNode section = JSON.objectNode();
        section.set("rows", rows);
        ObjectNode action = JSON.objectNode().put("button", list.button());
        action.putArray("sections").add(section);
        ObjectNode interactive = JSON.objectNode().put("type", "list");
        interactive.set("body", JSON.objectNode().put("text", list.body()));
        interactive.set("action", action);
        return interactive;
    }

    private static ObjectNode template(TemplateMessage template) {
        ObjectNode node = JSON.objectNode().put("name", template.name());
        node.set("language", JSON.objectNode().put("code", template.language()));
        if (!template.components().isEmpty()) {
            ArrayNode components = node.putArray("components");
            template.components().forEach(c -> components.add(component(c)));
        }
        return node;
    }

    private static ObjectNode component(TemplateMessage.Component component) {
        ObjectNode node = JSON.objectNode().put("type", component.type().toLowerCase(Locale.ROOT));
        if (component.subType() != null) {
            node.put("sub_type", component.subType());
        }
        if (component.index() != null) {
            node.put("index", String.valueOf(component.index()));
        }
        ArrayNode parameters = node.putArray("parameters");
        component.parameters().forEach(p -> parameters.add(parameter(p)));
        return node;
    }

    private static ObjectNode parameter(TemplateMessage.Parameter parameter) {
        String type = parameter.type() == null ? "text" : parameter.type().toLowerCase(Locale.ROOT);
        ObjectNode node = JSON.objectNode().put("type", type);
        switch (type) {
            case "payload" -> node.put("payload", parameter.value());
            case "image", "document", "video" -> node.set(type, JSON.objectNode().put("link", parameter.value()));
            default -> node.put("text", parameter.value());
        }
        if (parameter.name() != null) {
            node.put("parameter_name", parameter.name());
        }
        return node;
    }
}
