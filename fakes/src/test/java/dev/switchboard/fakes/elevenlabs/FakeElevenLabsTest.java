package dev.switchboard.fakes.elevenlabs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FakeElevenLabsTest {

    private static final String PATH = "/v1/text-to-speech/v1/stream-input?model_id=eleven_flash_v2_5&output_format=ulaw_8000";

    static final class Client implements WebSocket.Listener {
        final List<String> messages = new CopyOnWriteArrayList<>();
        final CountDownLatch closed = new CountDownLatch(1);
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.countDown();
            return null;
        }
    }

    @Test
    void speaksFlushedTextAsRealUlawAudioAndEndsWithIsFinal() throws Exception {
        try (FakeElevenLabs fake = new FakeElevenLabs(ElevenLabsSettings.withFlite().withApiKey("k"))) {
            Client client = new Client();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().header("xi-api-key", "k")
                    .buildAsync(URI.create(fake.baseUrl() + PATH), client).join();
            socket.sendText("{\"text\":\" \",\"voice_settings\":{\"stability\":0.7,\"similarity_boost\":0.75}}", true).join();
            socket.sendText("{\"text\":\"Hello there. \",\"flush\":true}", true).join();
            socket.sendText("{\"text\":\"\"}", true).join();
            assertThat(client.closed.await(20, TimeUnit.SECONDS)).isTrue();

            assertThat(client.messages.getLast()).isEqualTo("{\"isFinal\":true}");
            int audioBytes = 0;
            int nonSilent = 0;
            StringBuilder aligned = new StringBuilder();
            for (String message : client.messages.subList(0, client.messages.size() - 1)) {
                byte[] audio = Base64.getDecoder().decode(field(message, "audio"));
                audioBytes += audio.length;
                for (byte b : audio) {
                    nonSilent += (b & 0x7F) != 0x7F ? 1 : 0;
                }
                Matcher chars = Pattern.compile("\"chars\":\\[(.*?)]").matcher(message);
                if (chars.find()) {
                    aligned.append(chars.group(1).replaceAll("[\",]", ""));
                }
            }
            assertThat(audioBytes).isBetween(4000, 20_000); // "Hello there." is about a second
            assertThat(nonSilent).isGreaterThan(audioBytes / 3); // speech, not silence
            assertThat(aligned.toString()).isEqualTo("Hello there.");
            assertThat(fake.lastVoiceSettings().path("stability").asDouble()).isEqualTo(0.7);
        }
    }

    @Test
    void anInvalidFirstMessageIsRejectedWithPolicyViolation() throws Exception {
        try (FakeElevenLabs fake = new FakeElevenLabs(ElevenLabsSettings.withFlite())) {
            Client client = new Client();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(fake.baseUrl() + PATH), client).join();
            socket.sendText("{\"text\":\"no initial space\"}", true).join();
            assertThat(client.closed.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(client.messages).anySatisfy(m -> assertThat(m).contains("invalid_input_message"));
        }
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return matcher.find() ? matcher.group(1) : "";
    }
}
