package dev.switchboard.fakes.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The templates of the fake's WABA: a few built in, and whatever a test adds. */
public final class TemplateCatalog {

    private final List<Template> templates = new ArrayList<>();

    TemplateCatalog() {
        add(Template.approved("hello_world", "en_US", "UTILITY", """
                [{"type":"HEADER","format":"TEXT","text":"Hello World"},
                 {"type":"BODY","text":"Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta."},
                 {"type":"FOOTER","text":"WhatsApp Business Platform sample message"}]"""));
        for (var language : List.of("es", "en")) {
            add(Template.approved("booking_reminder", language, "UTILITY", """
                    [{"type":"HEADER","format":"IMAGE"},
                     {"type":"BODY","text":"%s {{1}}, %s {{2}}."},
                     {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"%s"},{"type":"QUICK_REPLY","text":"%s"}]}]"""
                    .formatted(language.equals("es") ? "Hola" : "Hi",
                            language.equals("es") ? "te recordamos tu reserva a las" : "a reminder of your booking at",
                            language.equals("es") ? "Confirmar" : "Confirm",
                            language.equals("es") ? "Cancelar" : "Cancel")));
        }
        add(Template.approved("order_update", "en_US", "UTILITY", """
                [{"type":"BODY","text":"Hi {{customer_name}}, your order {{order_id}} is on its way."},
                 {"type":"BUTTONS","buttons":[{"type":"URL","text":"Track","url":"https://shop.example/track/{{1}}"}]}]"""));
        add(Template.approved("spring_offer", "es", "MARKETING", """
                [{"type":"BODY","text":"¡Hola {{1}}! Este mes tienes un {{2}} de descuento."}]""").withStatus("REJECTED"));
    }

    public synchronized TemplateCatalog add(Template template) {
        templates.removeIf(t -> t.name().equals(template.name()) && t.language().equals(template.language()));
        templates.add(template);
        return this;
    }

    public synchronized List<Template> all() {
        return List.copyOf(templates);
    }

    synchronized Optional<Template> find(String name, String language) {
        return templates.stream().filter(t -> t.name().equals(name) && t.language().equals(language)).findFirst();
    }
}
