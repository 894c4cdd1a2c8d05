package dev.switchboard.voice.pipeline.stt.deepgram;

import java.net.URI;
import java.time.Duration;

/**
 * A Deepgram live connection: where ({@code baseUrl}, so tests can point at the fake), the key, the model
 * (nova-2 or nova-3 families) and language per call, endpointing (the silence that makes {@code speech_final}),
 * the utterance-end gap, and the keep-alive interval used while no audio flows.
 */
public record DeepgramSettings(URI baseUrl, String apiKey, String model, String language, Duration endpointing,
                               Duration utteranceEnd, Duration keepAlive) {

    public static final URI PRODUCTION = URI.create("wss://api.deepgram.com");

    public static DeepgramSettings of(String apiKey) {
        return new DeepgramSettings(PRODUCTION, apiKey, "nova-3", "en", Duration.ofMillis(300), Duration.ofMillis(1000),
                Duration.ofSeconds(5));
    }

    public DeepgramSettings withBaseUrl(URI url) {
        return new DeepgramSettings(url, apiKey, model, language, endpointing, utteranceEnd, keepAlive);
    }

    public DeepgramSettings withModel(String name) {
        return new DeepgramSettings(baseUrl, apiKey, name, language, endpointing, utteranceEnd, keepAlive);
    }

    public DeepgramSettings withLanguage(String code) {
        return new DeepgramSettings(baseUrl, apiKey, model, code, endpointing, utteranceEnd, keepAlive);
    }

    public DeepgramSettings withKeepAlive(Duration interval) {
        return new DeepgramSettings(baseUrl, apiKey, model, language, endpointing, utteranceEnd, interval);
    }

    /** The listen URL: mu-law 8 kHz sent as Twilio delivers it, interim results and VAD events on. */
    URI listenUri() {
        String query = "model=" + model + "&language=" + language + "&encoding=mulaw&sample_rate=8000&channels=1"
                + "&interim_results=true&vad_events=true&smart_format=true&punctuate=true"
                + "&endpointing=" + endpointing.toMillis() + "&utterance_end_ms=" + utteranceEnd.toMillis();
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/v1/listen?" + query);
    }
}
