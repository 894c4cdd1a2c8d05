package dev.switchboard.whatsapp.media;

import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.whatsapp.account.WhatsAppProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Transcribes a voice note with Deepgram's pre-recorded API ({@code POST /v1/listen}, the audio as the body, Opus in
 * Ogg accepted as WhatsApp records it) when the tenant has a {@code deepgram_api_key} secret. Without one, or when
 * Deepgram fails, the agent is told a voice note arrived that could not be transcribed.
 */
@Component
class DeepgramTranscriber implements VoiceNoteTranscriber {

    static final String API_KEY = "deepgram_api_key";
    private static final Logger log = LoggerFactory.getLogger(DeepgramTranscriber.class);

    private final TenantSecrets secrets;
    private final URI baseUrl;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    DeepgramTranscriber(TenantSecrets secrets, WhatsAppProperties properties, JsonMapper json) {
        this.secrets = secrets;
        this.baseUrl = properties.deepgramUrl();
        this.json = json;
    }

    @Override
    public Optional<String> transcribe(UUID tenantId, byte[] audio, String mimeType, String language) {
        Optional<String> key = secrets.reveal(tenantId, API_KEY);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String query = "model=nova-3&smart_format=true&punctuate=true"
                + (language == null ? "&detect_language=true" : "&language=" + language);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.toString().replaceAll("/+$", "") + "/v1/listen?" + query))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Token " + key.get())
                .header("Content-Type", mimeType == null ? "audio/ogg" : mimeType.split(";")[0].strip())
                .POST(HttpRequest.BodyPublishers.ofByteArray(audio)).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                log.warn("Deepgram could not transcribe a voice note of tenant {}: HTTP {}", tenantId, response.statusCode());
                return Optional.empty();
            }
            JsonNode body = json.readTree(response.body());
            String transcript = body.at("/results/channels/0/alternatives/0/transcript").asString("").strip();
            return transcript.isEmpty() ? Optional.empty() : Optional.of(transcript);
        } catch (IOException | JacksonException e) {
            log.warn("Deepgram could not transcribe a voice note of tenant {}: {}", tenantId, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
