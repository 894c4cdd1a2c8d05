package dev.switchboard.fakes.deepgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FakeDeepgramTest {

    private static final String QUERY = "/v1/listen?model=nova-3&encoding=mulaw&sample_rate=8000&interim_results=true"
            + "&vad_events=true&endpointing=300&utterance_end_ms=1000";

    static final class Client implements WebSocket.Listener {
        final List<String> messages = new CopyOnWriteArrayList<>();
        final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            messages.add(data.toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.countDown();
            return null;
        }

        boolean await(String fragment) throws InterruptedException {
            for (int i = 0; i < 200; i++) {
                if (messages.stream().anyMatch(m -> m.contains(fragment))) {
                    return true;
                }
                Thread.sleep(25);
            }
            return false;
        }
    }

    @Test
    void answersAnUtteranceWithTheDeepgramMessageSequence() throws Exception {
        try (FakeDeepgram fake = new FakeDeepgram(DeepgramSettings.scripted(List.of("book a table for two")).withApiKey("k"))) {
            Client client = new Client();
            WebSocket socket = connect(fake, "k", client);
            socket.sendBinary(ByteBuffer.wrap(loud(16_000)), true).join(); // two seconds of "speech"
            socket.sendBinary(ByteBuffer.wrap(silence(12_000)), true).join(); // 1.5 s of silence
            socket.sendText("{\"type\":\"KeepAlive\"}", true).join();
            assertThat(client.await("UtteranceEnd")).isTrue();
            List<String> types = client.messages.stream().map(m -> m.replaceAll(".*\"type\":\"(\\w+)\".*", "$1")).toList();
            assertThat(types).startsWith("SpeechStarted").containsSubsequence("Results", "Results", "UtteranceEnd");
            String last = client.messages.stream().filter(m -> m.contains("\"is_final\":true")).findFirst().orElseThrow();
            assertThat(last).contains("\"speech_final\":true", "\"transcript\":\"book a table for two\"");
            assertThat(client.messages.stream().filter(m -> m.contains("\"is_final\":false"))).isNotEmpty();
            assertThat(fake.keepAliveCount()).isEqualTo(1);

            socket.sendText("{\"type\":\"CloseStream\"}", true).join();
            assertThat(client.await("Metadata")).isTrue();
            assertThat(client.closed.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void finalizeFlushesTheUtteranceInProgress() throws Exception {
        try (FakeDeepgram fake = new FakeDeepgram(DeepgramSettings.scripted(List.of("yes please")))) {
            Client client = new Client();
            WebSocket socket = connect(fake, "any", client);
            socket.sendBinary(ByteBuffer.wrap(loud(8000)), true).join();
            socket.sendText("{\"type\":\"Finalize\"}", true).join();
            assertThat(client.await("\"from_finalize\":true")).isTrue();
        }
    }

    @Test
    void rejectsAWrongKey() {
        try (FakeDeepgram fake = new FakeDeepgram(DeepgramSettings.scripted(List.of()).withApiKey("right"))) {
            assertThatThrownBy(() -> connect(fake, "wrong", new Client())).hasMessageContaining("WebSocket");
        }
    }

    private static WebSocket connect(FakeDeepgram fake, String key, Client client) {
        return HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Token " + key)
                .buildAsync(URI.create(fake.baseUrl() + QUERY), client).join();
    }

    private static byte[] loud(int samples) {
        byte[] audio = new byte[samples];
        for (int i = 0; i < samples; i++) {
            audio[i] = (byte) (i % 2 == 0 ? 0x10 : 0x90); // large positive and negative mu-law values
        }
        return audio;
    }

    private static byte[] silence(int samples) {
        byte[] audio = new byte[samples];
        Arrays.fill(audio, (byte) 0xFF);
        return audio;
    }
}
