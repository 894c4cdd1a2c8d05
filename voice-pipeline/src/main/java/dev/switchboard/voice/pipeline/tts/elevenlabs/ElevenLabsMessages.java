package dev.switchboard.voice.pipeline.tts.elevenlabs;

import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The {@code stream-input} wire format: the messages the client sends, and what it reads from the server's. */
final class ElevenLabsMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ElevenLabsMessages() {
    }

    /** The initialising message: a single space, with the voice settings (they cannot change later). */
    static String beginning(ElevenLabsSettings.VoiceSettings voice) {
        ObjectNode message = JSON.createObjectNode();
        message.put("text", " ");
        ObjectNode settings = message.putObject("voice_settings");
        settings.put("stability", voice.stability());
        settings.put("similarity_boost", voice.similarityBoost());
        settings.put("speed", voice.speed());
        return message.toString();
    }

    /** A piece of text ending in a space; a sentence end is flushed so its audio starts at once. */
    static String text(String piece, boolean flush) {
        ObjectNode message = JSON.createObjectNode();
        message.put("text", piece.strip() + " ");
        message.put("try_trigger_generation", true);
        if (flush) {
            message.put("flush", true);
        }
        return message.toString();
    }

    static String endOfInput() {
        return "{\"text\":\"\"}";
    }

    /** What one server message carries. */
    record Received(byte[] audio, int alignedCharacters, boolean isFinal, String error) {
    }

    static Received parse(String text) {
        JsonNode message = JSON.readTree(text);
        String audio = message.path("audio").asString("");
        int aligned = 0;
        for (JsonNode character : message.path("alignment").path("chars")) {
            if (!character.asString("").isBlank()) {
                aligned++;
            }
        }
        String error = message.has("error") ? message.path("error").asString("") + ": "
                + message.path("message").asString("") : null;
        return new Received(audio.isEmpty() ? new byte[0] : Base64.getDecoder().decode(audio), aligned,
                message.path("isFinal").asBoolean(false), error);
    }
}
