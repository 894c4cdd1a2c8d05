package dev.switchboard.voice.call;

import dev.switchboard.voice.config.VoiceAgent;
import java.util.Map;

/** What the call itself says, outside the agent's answers; the holding phrase and apology come from the voice agent. */
final class CallPhrases {

    private static final Map<String, Map<String, String>> BUILT_IN = Map.of(
            "holding", Map.of("en", "One moment, please.", "es", "Un momento, por favor."),
            "apology", Map.of("en", "Sorry, I'm having trouble right now. Could you say that again?",
                    "es", "Perdona, tengo problemas ahora mismo. ¿Puedes repetirlo?"),
            "stillThere", Map.of("en", "Are you still there?", "es", "¿Sigues ahí?"),
            "goodbye", Map.of("en", "I'll hang up now. Goodbye!", "es", "Voy a colgar. ¡Adiós!"),
            "timeLimit", Map.of("en", "We've reached the time limit for this call. Goodbye!",
                    "es", "Hemos llegado al límite de tiempo de esta llamada. ¡Adiós!"),
            "leaveMessage", Map.of("en", "No one can take your call right now. Please leave a message after this, and we'll call you back.",
                    "es", "Ahora mismo nadie puede atenderte. Deja un mensaje y te llamaremos."),
            "messageTaken", Map.of("en", "Thank you, we have your message and will call you back. Goodbye!",
                    "es", "Gracias, tenemos tu mensaje y te llamaremos. ¡Adiós!"),
            "transferring", Map.of("en", "Transferring you now.", "es", "Te paso ahora."));

    private CallPhrases() {
    }

    static String of(String name, VoiceAgent agent, String language) {
        Map<String, String> configured = switch (name) {
            case "holding" -> agent.holdingPhrase();
            case "apology" -> agent.apology();
            default -> Map.of();
        };
        return VoiceAgent.text(configured, language, VoiceAgent.text(BUILT_IN.get(name), language, ""));
    }
}
