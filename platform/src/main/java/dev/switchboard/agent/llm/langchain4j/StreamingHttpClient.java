package dev.switchboard.agent.llm.langchain4j;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * LangChain4j's HTTP port on the JDK client, synchronous: the streaming call runs on the calling (virtual)
 * thread, so the agent can bound and cancel it through {@link StreamGuard}. Error answers keep their retry headers.
 */
public final class StreamingHttpClient implements HttpClient {

    private static final int MAX_ERROR_BODY = 16 * 1024;

    private final java.net.http.HttpClient delegate;
    private final Duration requestTimeout;

    public static Builder builder() {
        return new Builder();
    }

    StreamingHttpClient(Duration connectTimeout, Duration requestTimeout) {
        this.delegate = java.net.http.HttpClient.newBuilder().connectTimeout(connectTimeout)
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        this.requestTimeout = requestTimeout;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = delegate.send(jdkRequest(request), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw error(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response.headers());
            }
            return SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                    .headers(response.headers().map()).body(new String(response.body(), StandardCharsets.UTF_8)).build();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        try {
            HttpResponse<InputStream> response = delegate.send(jdkRequest(request), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = StreamGuard.watch(response.body())) {
                if (response.statusCode() / 100 != 2) {
                    String text = new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
                    listener.onError(error(response.statusCode(), text, response.headers()));
                    return;
                }
                listener.onOpen(SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                        .headers(response.headers().map()).build());
                parser.parse(body, listener);
            }
            listener.onClose();
        } catch (IOException | RuntimeException e) {
            listener.onError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.onError(e);
        }
    }

    private static ProviderHttpError error(int status, String body, java.net.http.HttpHeaders headers) {
        return new ProviderHttpError(status, body, RetryHints.retryAfter(headers), RetryHints.shouldRetry(headers));
    }

    private java.net.http.HttpRequest jdkRequest(HttpRequest request) {
        var builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(requestTimeout);
        request.headers().forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
        var body = request.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body());
        return builder.method(request.method().name(), body).build();
    }

    /** What LangChain4j's model builders take. */
    public static final class Builder implements HttpClientBuilder {

        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(60);

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration value) {
            if (value != null) {
                connectTimeout = value;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration value) {
            if (value != null) {
                readTimeout = value;
            }
            return this;
        }

        @Override
        public HttpClient build() {
            return new StreamingHttpClient(connectTimeout, readTimeout);
        }
    }
}
