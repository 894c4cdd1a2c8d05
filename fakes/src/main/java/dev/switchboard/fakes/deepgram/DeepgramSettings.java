package dev.switchboard.fakes.deepgram;

import java.time.Duration;

/**
 * How the fake behaves: the API key it demands (null accepts any), how long it takes to answer, the energy a 20 ms
 * block needs to count as speech, and the default silence that ends an utterance when the client does not set
 * {@code endpointing}.
 */
public record DeepgramSettings(String apiKey, Recognizer recognizer, Duration responseDelay, int speechEnergy,
                               Duration defaultEndpointing) {

    public static DeepgramSettings scripted(java.util.List<String> utterances) {
        return new DeepgramSettings(null, Recognizer.scripted(utterances), Duration.ofMillis(50), 500,
                Duration.ofMillis(300));
    }

    public DeepgramSettings withApiKey(String key) {
        return new DeepgramSettings(key, recognizer, responseDelay, speechEnergy, defaultEndpointing);
    }

    public DeepgramSettings withRecognizer(Recognizer other) {
        return new DeepgramSettings(apiKey, other, responseDelay, speechEnergy, defaultEndpointing);
    }

    public DeepgramSettings withResponseDelay(Duration delay) {
        return new DeepgramSettings(apiKey, recognizer, delay, speechEnergy, defaultEndpointing);
    }
}
