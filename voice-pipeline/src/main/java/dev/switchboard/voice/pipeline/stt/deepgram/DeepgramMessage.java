package dev.switchboard.voice.pipeline.stt.deepgram;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The server messages the client acts on, read from Deepgram's JSON (discriminated by {@code type}). */
sealed interface DeepgramMessage {

    JsonMapper JSON = JsonMapper.builder().build();

    /** A transcript for a window of audio ending {@code end} seconds into the connection. */
    record Results(String transcript, boolean isFinal, boolean speechFinal, boolean fromFinalize, double end)
            implements DeepgramMessage {
    }

    record UtteranceEnd() implements DeepgramMessage {
    }

    record Other(String type) implements DeepgramMessage {
    }

    static DeepgramMessage parse(String text) {
        JsonNode message = JSON.readTree(text);
        String type = message.path("type").asString("");
        return switch (type) {
            case "Results" -> new Results(
                    message.path("channel").path("alternatives").path(0).path("transcript").asString("").trim(),
                    message.path("is_final").asBoolean(false), message.path("speech_final").asBoolean(false),
                    message.path("from_finalize").asBoolean(false),
                    message.path("start").asDouble(0) + message.path("duration").asDouble(0));
            case "UtteranceEnd" -> new UtteranceEnd();
            default -> new Other(type);
        };
    }
}
