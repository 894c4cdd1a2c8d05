package dev.switchboard.agent.language;

import java.util.Map;

/** What the platform itself says to a customer when neither the model nor the tenant's flow can. */
public enum Phrases {

    APOLOGY_HANDOFF(
            "Lo siento, ahora mismo tengo un problema técnico. Te paso con una persona del equipo, que te atenderá enseguida.",
            "Sorry, I'm having a technical problem right now. I'm passing you to a person on the team, who will help you shortly."),
    HANDOFF(
            "Te paso con una persona del equipo. En un momento te atienden.",
            "I'm passing you to a person on the team. Someone will be with you shortly."),
    SLOW_DOWN(
            "Estoy recibiendo muchos mensajes seguidos. Espera un momento y vuelve a escribirme, por favor.",
            "I'm receiving a lot of messages in a row. Please wait a moment and write again."),
    CONVERSATION_LIMIT(
            "Esta conversación ha llegado a su límite de respuestas automáticas. Te paso con una persona del equipo.",
            "This conversation has reached its limit of automatic answers. I'm passing you to a person on the team."),
    DAILY_LIMIT(
            "Ahora mismo no puedo atender más consultas automáticas. Te paso con una persona del equipo.",
            "I can't take more automatic requests right now. I'm passing you to a person on the team."),
    GOODBYE(
            "¡Gracias por escribirnos! Que tengas un buen día.",
            "Thanks for getting in touch! Have a nice day.");

    private final Map<String, String> texts;

    Phrases(String es, String en) {
        this.texts = Map.of("es", es, "en", en);
    }

    public String in(String language) {
        return texts.getOrDefault(language, texts.get("en"));
    }
}
