package dev.switchboard.fakes.acme;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.fakes.FakeServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP edge of Acme's business API. Every route needs {@code Authorization: Bearer <token>}; answers are
 * JSON, errors are problem details. Every request is recorded so tests can prove what reached the business
 * (and what never did).
 */
public final class AcmeBusinessApi implements FakeServer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final byte[] token;
    private final AcmeRoutes routes;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** A request as the API saw it. */
    public record Received(String method, String path, String query, String body) {
    }

    private AcmeBusinessApi(HttpServer server, String token, Clock clock) {
        this.server = server;
        this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        AcmeData data = new AcmeData(clock);
        this.routes = new AcmeRoutes(data, new AcmeViews(data), AcmeGeography.from(data));
    }

    public static AcmeBusinessApi start(int port, String token) {
        return start(port, token, Clock.systemDefaultZone());
    }

    public static AcmeBusinessApi start(int port, String token, Clock clock) {
        if (token == null || token.length() < 8) {
            throw new IllegalArgumentException("the business API needs a bearer token of 8+ characters");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
            AcmeBusinessApi api = new AcmeBusinessApi(server, token, clock);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", api::handle);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Acme business API on port " + port, e);
        }
    }

    @Override
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void clearReceived() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8);
            if (path.equals("/health")) {
                respond(exchange, 200, Map.of("status", "UP"));
                return;
            }
            received.add(new Received(method, path, exchange.getRequestURI().getRawQuery(), body));
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8), token)) {
                problem(exchange, 401, "missing or wrong bearer token");
                return;
            }
            String lang = language(exchange.getRequestHeaders().getFirst("Accept-Language"));
            AcmeRoutes.Request request = new AcmeRoutes.Request(method, path, query(exchange.getRequestURI().getRawQuery()),
                    body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body), lang);
            AcmeRoutes.Response response = routes.route(request);
            respond(exchange, response.status(), response.body());
        } catch (tools.jackson.core.JacksonException e) {
            problem(exchange, 400, "the body is not valid JSON");
        }
    }

    private static String language(String header) {
        return header != null && header.strip().toLowerCase(java.util.Locale.ROOT).startsWith("en") ? "en" : "es";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new java.util.HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        byte[] bytes = JSON.writeValueAsBytes(Map.of("status", status, "title", detail));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        if (status >= 400 && body instanceof String detail) {
            problem(exchange, status, detail);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
