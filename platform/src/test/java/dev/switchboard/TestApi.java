package dev.switchboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the running platform: JDK HttpClient, HTTP/1.1, JSON through Jackson 3. Requests go
 * to 127.0.0.1; {@link #from(InetAddress)} makes a client whose connections come from another local address
 * (e.g. 127.0.0.2), which the server sees as a different client.
 */
public final class TestApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_ADDRESS = new java.util.concurrent.atomic.AtomicInteger(1);

    private final Supplier<URI> base;
    private final HttpClient http;

    public TestApi(Supplier<URI> base) {
        this(base, null);
    }

    private TestApi(Supplier<URI> base, InetAddress localAddress) {
        this.base = base;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER);
        if (localAddress != null) {
            builder.localAddress(localAddress);
        }
        this.http = builder.build();
    }

    /** The same API, called from another local address. */
    public TestApi from(InetAddress localAddress) {
        return new TestApi(base, localAddress);
    }

    /**
     * The same API, called from a loopback address no other caller in this JVM uses (127.1.x.y). Sign-in
     * failures count against the client address for 15 minutes, so a test that fails sign-ins on purpose should
     * make them from here, and leave 127.0.0.1's budget to everyone else.
     */
    public TestApi fromAnotherAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        try {
            return from(InetAddress.getByAddress(new byte[] {127, 1, (byte) (n >> 8), (byte) n}));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI baseUrl() {
        return base.get();
    }

    /** {@code path} is appended as written (percent-escapes and case stay exactly as given). */
    public Request request(String method, String path) {
        return new Request(method, path);
    }

    public ApiResponse get(String path, String token) {
        return request("GET", path).bearer(token).send();
    }

    public ApiResponse post(String path, String token, Object body) {
        return request("POST", path).bearer(token).json(body).send();
    }

    public ApiResponse put(String path, String token, Object body) {
        return request("PUT", path).bearer(token).json(body).send();
    }

    public ApiResponse patch(String path, String token, Object body) {
        return request("PATCH", path).bearer(token).json(body).send();
    }

    public ApiResponse delete(String path, String token) {
        return request("DELETE", path).bearer(token).send();
    }

    /** Signs in, failing the test unless it works. */
    public Session login(String email, String password) {
        ApiResponse response = tryLogin(email, password);
        if (response.status() != 200) {
            throw new AssertionError("login of " + email + " failed: " + response.describe());
        }
        return Session.of(response);
    }

    public ApiResponse tryLogin(String email, String password) {
        return post("/api/v1/auth/login", null, Map.of("email", email, "password", password));
    }

    public ApiResponse refresh(String refreshToken) {
        return post("/api/v1/auth/refresh", null, Map.of("refreshToken", refreshToken));
    }

    /** An access token and its refresh token, as login and refresh return them. */
    public record Session(String accessToken, String refreshToken) {
        public static Session of(ApiResponse response) {
            return new Session(response.json().path("accessToken").asString(),
                    response.json().path("refreshToken").asString());
        }
    }

    public final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Request bearer(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A String is sent as it is (raw JSON, possibly malformed on purpose); anything else is serialised. */
        public Request json(Object value) {
            if (value == null) {
                return this;
            }
            String text = value instanceof String s ? s : JSON.writeValueAsString(value);
            headers.putIfAbsent("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
            return this;
        }

        public Request body(HttpRequest.BodyPublisher publisher, String contentType) {
            headers.put("Content-Type", contentType);
            body = publisher;
            return this;
        }

        public ApiResponse send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base.get() + path))
                    .timeout(Duration.ofSeconds(30)).method(method, body);
            headers.forEach(builder::header);
            try {
                HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                return new ApiResponse(method + " " + path, response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
