package dev.switchboard.fakes;

import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.http.LocalHttpServer;
import dev.switchboard.fakes.http.WireClient;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FakesMainTest {

    @Test
    void argumentsGiveEachFakeItsPortAndOptions() {
        var values = FakesMain.parse(new String[] {"--anthropic", "--meta=8089", "--anthropic-first-token-ms=350"});

        assertThat(values).containsExactly(Map.entry("anthropic", ""), Map.entry("meta", "8089"),
                Map.entry("anthropic-first-token-ms", "350"));
        assertThat(new FakeOptions("anthropic", 0, values).millis("first-token-ms", 0).toMillis()).isEqualTo(350);
        assertThatThrownBy(() -> FakesMain.parse(new String[] {"anthropic"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyStandardFakeStartsAndIsAnnouncedWithItsUrl() {
        var values = FakesMain.parse(new String[] {"--anthropic=0", "--openai=0", "--google=0", "--pinecone=0",
                "--meta=0", "--anthropic-first-token-ms=5"});
        var out = new ByteArrayOutputStream();
        var original = System.out;
        List<FakeServer> running;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            running = FakesMain.startAll(FakeRegistry.standard(), values);
        } finally {
            System.setOut(original);
        }
        try {
            var lines = out.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).hasSize(6);
            assertThat(lines.getFirst()).matches("fake anthropic listening on http://127\\.0\\.0\\.1:\\d+");
            var summary = Json.parse(lines.getLast()).path("fakes");
            assertThat(summary.propertyNames()).containsExactly("anthropic", "openai", "google", "pinecone", "meta");
            for (var fake : running) {
                assertThat(WireClient.get(URI.create(fake.baseUrl() + "/")).statusCode()).isBetween(200, 499);
            }
        } finally {
            running.forEach(FakeServer::close);
        }
    }

    @Test
    void furtherFakesRegisterWithOneLine() {
        var registry = FakeRegistry.standard().register("acme", o -> new FakeServer() {
            private final LocalHttpServer server = LocalHttpServer.bind(o.port()).start();

            @Override
            public URI baseUrl() {
                return server.baseUrl();
            }

            @Override
            public void close() {
                server.close();
            }
        });

        try (var acme = registry.start(new FakeOptions("acme", 0, Map.of()))) {
            assertThat(acme.baseUrl().getHost()).isEqualTo("127.0.0.1");
        }
        assertThat(registry.names()).contains("acme", "meta");
    }
}
