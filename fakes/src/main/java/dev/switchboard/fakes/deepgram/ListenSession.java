package dev.switchboard.fakes.deepgram;

import java.io.ByteArrayOutputStream;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One live-transcription connection: keeps an audio clock from the bytes received, finds utterances with an energy
 * gate on 20 ms blocks, and answers with the messages a Deepgram stream sends (SpeechStarted, interim and final
 * Results, UtteranceEnd, Metadata). Called from the server's connection thread only.
 */
final class ListenSession {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BLOCK = 160;
    private static final int INTERIM_EVERY_BYTES = 4000;

    private final ListenOptions options;
    private final DeepgramSettings settings;
    private final Consumer<String> sender;
    private final String requestId = UUID.randomUUID().toString();
    private final ByteArrayOutputStream utterance = new ByteArrayOutputStream();
    private long clock;
    private boolean inSpeech;
    private long speechStart;
    private int silenceMs;
    private long lastInterimAt;
    private long lastWordEnd = -1;

    ListenSession(ListenOptions options, DeepgramSettings settings, Consumer<String> sender) {
        this.options = options;
        this.settings = settings;
        this.sender = sender;
    }

    void audio(byte[] mulaw) {
        for (int offset = 0; offset < mulaw.length; offset += BLOCK) {
            block(java.util.Arrays.copyOfRange(mulaw, offset, Math.min(mulaw.length, offset + BLOCK)));
        }
    }

    void finalizeRequested() {
        if (inSpeech) {
            finish(false, true);
        }
    }

    void closeRequested() {
        if (inSpeech) {
            finish(true, false);
        }
        ObjectNode metadata = message("Metadata");
        metadata.put("transaction_key", "deprecated");
        metadata.put("request_id", requestId);
        metadata.put("duration", seconds(clock));
        metadata.put("channels", 1);
        sender.accept(metadata.toString());
    }

    private void block(byte[] block) {
        boolean speech = Energy.of(block) >= settings.speechEnergy();
        if (speech && !inSpeech) {
            startUtterance();
        }
        if (inSpeech) {
            utterance.writeBytes(block);
            silenceMs = speech ? 0 : silenceMs + block.length / 8;
        }
        clock += block.length;
        if (inSpeech && options.interimResults() && utterance.size() - lastInterimAt >= INTERIM_EVERY_BYTES) {
            lastInterimAt = utterance.size();
            results(settings.recognizer().recognize(utterance.toByteArray(), false), false, false, false);
        }
        if (inSpeech && silenceMs >= options.endpointingMs()) {
            finish(true, false);
        }
        if (!inSpeech && lastWordEnd >= 0 && options.utteranceEndMs() > 0
                && clock - lastWordEnd >= options.utteranceEndMs() * 8L) {
            utteranceEnd();
        }
    }

    private void startUtterance() {
        inSpeech = true;
        speechStart = clock;
        silenceMs = 0;
        lastInterimAt = 0;
        utterance.reset();
        if (options.vadEvents()) {
            ObjectNode started = message("SpeechStarted");
            started.putArray("channel").add(0).add(1);
            started.put("timestamp", seconds(clock));
            sender.accept(started.toString());
        }
    }

    private void finish(boolean speechFinal, boolean fromFinalize) {
        inSpeech = false;
        String text = settings.recognizer().recognize(utterance.toByteArray(), true);
        lastWordEnd = clock - silenceMs * 8L;
        results(text, true, speechFinal, fromFinalize);
    }

    private void utteranceEnd() {
        ObjectNode end = message("UtteranceEnd");
        end.putArray("channel").add(0).add(1);
        end.put("last_word_end", seconds(lastWordEnd));
        sender.accept(end.toString());
        lastWordEnd = -1;
    }

    private void results(String transcript, boolean isFinal, boolean speechFinal, boolean fromFinalize) {
        ObjectNode results = message("Results");
        results.putArray("channel_index").add(0).add(1);
        results.put("start", seconds(speechStart));
        results.put("duration", seconds(clock - speechStart));
        results.put("is_final", isFinal);
        results.put("speech_final", speechFinal);
        results.put("from_finalize", fromFinalize);
        ObjectNode alternative = results.putObject("channel").putArray("alternatives").addObject();
        alternative.put("transcript", transcript);
        alternative.put("confidence", transcript.isEmpty() ? 0.0 : 0.97);
        ArrayNode words = alternative.putArray("words");
        for (String word : transcript.isBlank() ? new String[0] : transcript.split(" ")) {
            words.addObject().put("word", word.toLowerCase()).put("punctuated_word", word).put("confidence", 0.97);
        }
        ObjectNode metadata = results.putObject("metadata");
        metadata.put("request_id", requestId);
        metadata.putObject("model_info").put("name", "general-" + options.model()).put("arch", options.model());
        sender.accept(results.toString());
    }

    private static ObjectNode message(String type) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", type);
        return node;
    }

    private static double seconds(long bytes) {
        return Math.round(bytes / 8.0) / 1000.0;
    }
}
