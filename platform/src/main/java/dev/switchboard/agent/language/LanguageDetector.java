package dev.switchboard.agent.language;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Spanish or English, from function words and Spanish-only characters. Short or ambiguous messages (a document
 * number, "ok") keep the language the conversation already had.
 */
public final class LanguageDetector {

    private static final Set<String> SPANISH = Set.of("el", "la", "los", "las", "de", "del", "que", "y", "en", "un",
            "una", "mi", "por", "para", "con", "no", "si", "es", "quiero", "cuando", "donde", "hola", "gracias",
            "cita", "visita", "tecnico", "cancelar", "confirmar", "cambiar", "llega", "viene", "quien", "hablar",
            "persona", "necesito", "dni", "manana", "tarde", "adios", "nada", "mas", "esta", "puedo", "me", "te", "lo",
            "se", "al", "a", "buenos", "dias", "vale", "claro", "seguro", "hora", "casa");
    private static final Set<String> ENGLISH = Set.of("the", "a", "an", "of", "and", "to", "in", "my", "is", "it",
            "i", "you", "what", "when", "where", "who", "will", "want", "cancel", "confirm", "change", "visit",
            "appointment", "technician", "arrive", "hello", "hi", "thanks", "thank", "please", "yes", "can", "do",
            "coming", "person", "human", "agent", "talk", "need", "time", "today", "tomorrow", "morning", "afternoon",
            "bye", "that", "this", "with", "for", "me", "how", "far", "name", "house");

    private LanguageDetector() {
    }

    public static String detect(String text, String fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int spanish = lower.matches("(?s).*[ñ¿¡áéíóú].*") ? 2 : 0;
        int english = 0;
        for (String word : words(lower)) {
            spanish += SPANISH.contains(word) ? 1 : 0;
            english += ENGLISH.contains(word) ? 1 : 0;
        }
        if (spanish == english) {
            return fallback;
        }
        return spanish > english ? "es" : "en";
    }

    private static List<String> words(String lower) {
        String plain = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return List.of(plain.split("[^a-z0-9]+"));
    }
}
