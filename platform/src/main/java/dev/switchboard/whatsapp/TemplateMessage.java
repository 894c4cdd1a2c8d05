package dev.switchboard.whatsapp;

import java.util.Arrays;
import java.util.List;

/**
 * A template to send: its name, language code and the values for its placeholders, per component.
 * The same shape goes on a conversation message's content as {@code {"template": {...}}} to send a template
 * through the conversation (the only kind of message allowed outside the 24-hour window).
 */
public record TemplateMessage(String name, String language, List<Component> components) {

    public TemplateMessage {
        components = components == null ? List.of() : List.copyOf(components);
    }

    /** A template whose body takes positional values ({{1}}, {{2}}...). */
    public static TemplateMessage withBody(String name, String language, String... values) {
        List<Parameter> parameters = Arrays.stream(values).map(Parameter::text).toList();
        return new TemplateMessage(name, language,
                parameters.isEmpty() ? List.of() : List.of(new Component("body", null, null, parameters)));
    }

    /**
     * @param type    header, body or button
     * @param subType for a button: quick_reply, url or copy_code
     * @param index   for a button: its position in the template
     */
    public record Component(String type, String subType, Integer index, List<Parameter> parameters) {

        public Component {
            parameters = parameters == null ? List.of() : List.copyOf(parameters);
        }
    }

    /**
     * @param type  text, payload (quick-reply buttons), image, document or video (value is then a link)
     * @param value the text, payload or media link
     * @param name  the placeholder's name for templates with named parameters, else null
     */
    public record Parameter(String type, String value, String name) {

        public static Parameter text(String value) {
            return new Parameter("text", value, null);
        }

        public static Parameter named(String name, String value) {
            return new Parameter("text", value, name);
        }
    }
}
