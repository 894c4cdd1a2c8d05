package dev.switchboard.whatsapp.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.whatsapp.account.WhatsAppProperties;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Voice notes go to Deepgram's pre-recorded endpoint as they are (Ogg Opus) when the tenant has a key. */
class DeepgramTranscriberTest {

    private static final UUID TENANT = UUID.randomUUID();

    private HttpServer deepgram;
    private final Map<String, String> received = new ConcurrentHashMap<>();
    private final Map<String, String> keys = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        deepgram = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        deepgram.createContext("/v1/listen", exchange -> {
            received.put("query", exchange.getRequestURI().getQuery());
            received.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            received.put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
            received.put("bytes", String.valueOf(exchange.getRequestBody().readAllBytes().length));
            byte[] body = """
                    {"metadata":{"request_id":"r1"},"results":{"channels":[{"alternatives":[
                     {"transcript":"quiero cambiar la visita al jueves","confidence":0.97}]}]}}"""
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        deepgram.start();
    }

    @AfterEach
    void stop() {
        deepgram.stop(0);
    }

    @Test
    void transcribesWithTheTenantsKeyAndNothingWithoutOne() {
        var transcriber = new DeepgramTranscriber(secrets(), properties(), JsonMapper.builder().build());

        Optional<String> none = transcriber.transcribe(TENANT, new byte[100], "audio/ogg; codecs=opus", "es");
        keys.put(DeepgramTranscriber.API_KEY, "dg-key-1");
        Optional<String> text = transcriber.transcribe(TENANT, new byte[100], "audio/ogg; codecs=opus", "es");

        assertThat(none).isEmpty();
        assertThat(text).contains("quiero cambiar la visita al jueves");
        assertThat(received).containsEntry("authorization", "Token dg-key-1").containsEntry("contentType", "audio/ogg")
                .containsEntry("bytes", "100");
        assertThat(received.get("query")).contains("model=nova-3").contains("language=es");
    }

    private WhatsAppProperties properties() {
        return new WhatsAppProperties(null, null, null, null, null, null,
                URI.create("http://127.0.0.1:" + deepgram.getAddress().getPort()), null, null, null);
    }

    private TenantSecrets secrets() {
        return new TenantSecrets() {
            public Optional<String> reveal(UUID tenantId, String name) {
                return Optional.ofNullable(keys.get(name));
            }

            public void store(UUID tenantId, String name, String value, UUID actor) {
            }

            public boolean delete(UUID tenantId, String name) {
                return false;
            }

            public List<SecretInfo> list(UUID tenantId) {
                return List.of(new SecretInfo("x", null, Instant.now()));
            }
        };
    }
}
