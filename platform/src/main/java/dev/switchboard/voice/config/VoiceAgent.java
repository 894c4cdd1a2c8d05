package dev.switchboard.voice.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One voice agent of a tenant, with every default filled in. Built from the {@code voiceAgent} schema of
 * tenant.yaml (already validated), so parsing here only supplies defaults.
 */
public record VoiceAgent(String name, List<String> numbers, boolean inbound, boolean outbound, String language,
                         Stt stt, Tts tts, Map<String, String> greeting, Map<String, String> holdingPhrase,
                         Map<String, String> apology, String prompt, List<String> enabledTools, String flow,
                         Availability availability, Duration maxCallLength, Duration silenceLimit, int bargeInMinWords,
                         boolean bargeInDuringGreeting) {

    /** Speech to text: {@code auto} picks Deepgram when a key is available, else pocketsphinx. */
    public record Stt(String provider, String model, String language, String baseUrl, List<String> phrases) {
    }

    /** Text to speech: {@code auto} picks ElevenLabs when a key is available, else flite. */
    public record Tts(String provider, String model, String voiceId, String baseUrl, String fliteVoice,
                      double stability, double similarityBoost, double speed) {
    }

    static VoiceAgent parse(String name, JsonNode node) {
        JsonNode stt = node.path("stt");
        JsonNode tts = node.path("tts");
        JsonNode barge = node.path("bargeIn");
        List<String> directions = strings(node.path("directions"));
        return new VoiceAgent(name, strings(node.path("numbers")),
                directions.isEmpty() || directions.contains("inbound"), directions.isEmpty() || directions.contains("outbound"),
                node.path("language").asString("en"),
                new Stt(stt.path("provider").asString("auto"), stt.path("model").asString("nova-3"),
                        stt.path("language").asString(node.path("language").asString("en")),
                        stt.path("baseUrl").asString(null), strings(stt.path("phrases"))),
                new Tts(tts.path("provider").asString("auto"), tts.path("model").asString("eleven_flash_v2_5"),
                        tts.path("voiceId").asString("21m00Tcm4TlvDq8ikWAM"), tts.path("baseUrl").asString(null),
                        tts.path("fliteVoice").asString("slt"), tts.path("settings").path("stability").asDouble(0.6),
                        tts.path("settings").path("similarityBoost").asDouble(0.8),
                        tts.path("settings").path("speed").asDouble(1.0)),
                texts(node.path("greeting")), texts(node.path("holdingPhrase")), texts(node.path("apology")),
                node.path("prompt").asString(null), strings(node.path("enabledTools")), node.path("flow").asString(null),
                Availability.parse(node.path("availability")),
                Duration.ofSeconds(node.path("maxCallSeconds").asInt(1800)),
                Duration.ofSeconds(node.path("silenceSeconds").asInt(20)),
                barge.path("minWords").asInt(0), barge.path("duringGreeting").asBoolean(false));
    }

    /** A per-language text in {@code language}, or in any language it has, or {@code fallback}. */
    public static String text(Map<String, String> texts, String language, String fallback) {
        return Optional.ofNullable(texts.get(language)).or(() -> texts.values().stream().findFirst()).orElse(fallback);
    }

    public boolean answers(String number) {
        return numbers.contains(number);
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asString()));
        return List.copyOf(values);
    }

    static Map<String, String> texts(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
        return Map.copyOf(values);
    }
}
