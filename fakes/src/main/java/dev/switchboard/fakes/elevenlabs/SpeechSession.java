package dev.switchboard.fakes.elevenlabs;

import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One {@code stream-input} connection: checks the initialising message, buffers text, and generates audio on flush,
 * on {@code try_trigger_generation} with enough text, when the buffer passes the first chunk-length step, and at
 * end of input. Generation runs on the session's own thread, in order, so audio follows the text it was made from.
 */
final class SpeechSession {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TRIGGER_MINIMUM = 50;

    private final ElevenLabsSettings settings;
    private final boolean headerAuthorised;
    private final Consumer<String> sender;
    private final Runnable closer;
    private final ExecutorService generator = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    private final StringBuilder buffer = new StringBuilder();
    private int scheduleFirstStep = 120;
    private boolean initialised;
    private boolean firstChunkSent;
    volatile JsonNode voiceSettings;

    SpeechSession(ElevenLabsSettings settings, boolean headerAuthorised, Consumer<String> sender, Runnable closer) {
        this.settings = settings;
        this.headerAuthorised = headerAuthorised;
        this.sender = sender;
        this.closer = closer;
    }

    /** Handles one client message; returns an error text when the connection must be closed with 1008. */
    String receive(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (RuntimeException e) {
            return error("invalid_input_message", "Invalid JSON");
        }
        if (!initialised) {
            return initialise(message);
        }
        String chunk = message.path("text").asString(null);
        if (chunk == null && !message.path("flush").asBoolean(false)) {
            return error("invalid_input_message", "text is required");
        }
        if ("".equals(chunk)) {
            endOfInput();
            return null;
        }
        buffer.append(chunk == null ? "" : chunk);
        boolean trigger = message.path("try_trigger_generation").asBoolean(false) && buffer.length() >= TRIGGER_MINIMUM;
        if (message.path("flush").asBoolean(false) || trigger || buffer.length() >= scheduleFirstStep) {
            generate();
        }
        return null;
    }

    void close() {
        generator.shutdownNow();
    }

    private String initialise(JsonNode message) {
        if (!" ".equals(message.path("text").asString(null))) {
            return error("invalid_input_message", "the first message must have text \" \"");
        }
        boolean keyInMessage = message.has("xi_api_key") || message.has("xi-api-key") || message.has("authorization");
        String key = message.path("xi_api_key").asString(message.path("xi-api-key").asString(""));
        boolean bearer = message.path("authorization").asString("").equals("Bearer " + settings.apiKey());
        if (settings.apiKey() != null && !headerAuthorised && !(keyInMessage && (key.equals(settings.apiKey()) || bearer))) {
            return error("invalid_api_key", "Invalid API key");
        }
        voiceSettings = message.path("voice_settings");
        JsonNode schedule = message.path("generation_config").path("chunk_length_schedule");
        if (schedule.isArray() && !schedule.isEmpty()) {
            scheduleFirstStep = schedule.get(0).asInt(120);
        }
        initialised = true;
        return null;
    }

    private void generate() {
        String text = buffer.toString().trim();
        buffer.setLength(0);
        if (!text.isEmpty()) {
            generator.execute(() -> speak(text));
        }
    }

    private void endOfInput() {
        generate();
        generator.execute(() -> {
            sender.accept("{\"isFinal\":true}");
            closer.run();
        });
    }

    private void speak(String text) {
        byte[] audio = settings.synthesizer().ulaw8000(text);
        int chunks = Math.max(1, (audio.length + settings.chunkBytes() - 1) / settings.chunkBytes());
        for (int i = 0; i < chunks; i++) {
            if (!firstChunkSent) {
                sleep(settings.firstChunkDelay().toMillis());
                firstChunkSent = true;
            }
            byte[] chunk = Arrays.copyOfRange(audio, i * settings.chunkBytes(),
                    Math.min(audio.length, (i + 1) * settings.chunkBytes()));
            String chars = text.substring(i * text.length() / chunks, (i + 1) * text.length() / chunks);
            sender.accept(audioMessage(chunk, chars));
        }
    }

    private static String audioMessage(byte[] chunk, String chars) {
        ObjectNode message = JSON.createObjectNode();
        message.put("audio", Base64.getEncoder().encodeToString(chunk));
        message.putNull("isFinal");
        ObjectNode alignment = alignment(chars, chunk.length / 8);
        message.set("normalizedAlignment", alignment);
        message.set("alignment", alignment.deepCopy());
        return message.toString();
    }

    /** Characters spread evenly over the chunk's duration; times are relative to the chunk, as ElevenLabs sends them. */
    private static ObjectNode alignment(String chars, int chunkMillis) {
        ObjectNode alignment = JSON.createObjectNode();
        ArrayNode letters = alignment.putArray("chars");
        ArrayNode starts = alignment.putArray("charStartTimesMs");
        ArrayNode durations = alignment.putArray("charDurationsMs");
        int each = chars.isEmpty() ? 0 : chunkMillis / chars.length();
        for (int i = 0; i < chars.length(); i++) {
            letters.add(String.valueOf(chars.charAt(i)));
            starts.add(i * each);
            durations.add(each);
        }
        return alignment;
    }

    private String error(String code, String text) {
        ObjectNode message = JSON.createObjectNode();
        message.put("message", text);
        message.put("error", code);
        message.put("code", 1008);
        sender.accept(message.toString());
        return text;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
