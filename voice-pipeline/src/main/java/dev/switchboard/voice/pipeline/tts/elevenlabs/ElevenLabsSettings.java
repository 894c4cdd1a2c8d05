package dev.switchboard.voice.pipeline.tts.elevenlabs;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An ElevenLabs voice over the {@code stream-input} WebSocket: where ({@code baseUrl}, so tests can point at the
 * fake), the key, voice and model, the voice settings, and optionally the language (flash/turbo v2.5 models only).
 * Output is always {@code ulaw_8000}, which goes to Twilio untouched.
 */
public record ElevenLabsSettings(URI baseUrl, String apiKey, String voiceId, String model, VoiceSettings voice,
                                 Optional<String> language) {

    public static final URI PRODUCTION = URI.create("wss://api.elevenlabs.io");

    /** Stability, similarity boost and speed (0.7 to 1.2) as ElevenLabs defines them. */
    public record VoiceSettings(double stability, double similarityBoost, double speed) {
        public static final VoiceSettings DEFAULTS = new VoiceSettings(0.7, 0.75, 0.85);
    }

    public static ElevenLabsSettings of(String apiKey, String voiceId) {
        return new ElevenLabsSettings(PRODUCTION, apiKey, voiceId, "eleven_flash_v2_5", VoiceSettings.DEFAULTS,
                Optional.empty());
    }

    public ElevenLabsSettings withBaseUrl(URI url) {
        return new ElevenLabsSettings(url, apiKey, voiceId, model, voice, language);
    }

    public ElevenLabsSettings withModel(String name) {
        return new ElevenLabsSettings(baseUrl, apiKey, voiceId, name, voice, language);
    }

    public ElevenLabsSettings withVoice(VoiceSettings settings) {
        return new ElevenLabsSettings(baseUrl, apiKey, voiceId, model, settings, language);
    }

    public ElevenLabsSettings withLanguage(String code) {
        return new ElevenLabsSettings(baseUrl, apiKey, voiceId, model, voice, Optional.of(code));
    }

    URI streamUri() {
        String base = baseUrl.toString().replaceAll("/+$", "");
        String query = "model_id=" + encode(model) + "&output_format=ulaw_8000&inactivity_timeout=180"
                + language.map(code -> "&language_code=" + encode(code)).orElse("");
        return URI.create(base + "/v1/text-to-speech/" + encode(voiceId) + "/stream-input?" + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
