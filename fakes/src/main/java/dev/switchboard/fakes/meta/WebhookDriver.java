package dev.switchboard.fakes.meta;

import dev.switchboard.fakes.http.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Plays Meta towards the platform: builds webhook bodies, signs the exact bytes sent with the app secret, and POSTs
 * them to the platform's callback URL. Thread-safe and allocation-light, so a benchmark can drive it at high rate
 * through {@link #postAsync}.
 */
public final class WebhookDriver {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI target;
    private final BusinessNumber number;
    private final WebhookSignature signature;
    private final HttpClient client;
    private Consumer<JsonNode> onInbound;

    private WebhookDriver(URI target, String appSecret, BusinessNumber number) {
        this.target = target;
        this.number = number;
        this.signature = new WebhookSignature(appSecret);
        // HTTP/1.1: the platform's server, like Meta's webhooks, speaks it; h2c upgrades only add a round trip.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static WebhookDriver create(URI target, String appSecret, BusinessNumber number) {
        return new WebhookDriver(target, appSecret, number);
    }

    /** Tells {@code graph} of each inbound message delivered, so its 24-hour window rule sees the customer write. */
    public WebhookDriver notifying(GraphFake graph) {
        this.onInbound = graph::recordInbound;
        return this;
    }

    public BusinessNumber number() {
        return number;
    }

    /** A new envelope for this driver's business number. */
    public Notification notification() {
        return Notification.to(number);
    }

    public SignedWebhook sign(JsonNode envelope, WebhookEncoding encoding) {
        var body = encoding.encode(Json.string(envelope));
        return new SignedWebhook(body, signature.header(body));
    }

    /** Delivers one inbound message from {@code from} (profile name {@code name}), Meta-escaped. */
    public Delivery deliverMessage(ObjectNode message, String name) {
        return deliver(notification().message(message, name).json());
    }

    /** Delivers status updates in one POST. */
    public Delivery deliverStatuses(ObjectNode... statuses) {
        var notification = notification();
        for (var status : statuses) {
            notification.status(status);
        }
        return deliver(notification.json());
    }

    /** Signs {@code envelope} in Meta's escaped form and POSTs it. */
    public Delivery deliver(JsonNode envelope) {
        return post(sign(envelope, WebhookEncoding.ESCAPED_UNICODE));
    }

    public Delivery post(SignedWebhook webhook) {
        try {
            return postAsync(webhook).join();
        } catch (CompletionException e) {
            throw new IllegalStateException("webhook POST to " + target + " failed", e.getCause());
        }
    }

    public CompletableFuture<Delivery> postAsync(SignedWebhook webhook) {
        recordInbound(webhook);
        var request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", webhook.signature())
                .header("User-Agent", "facebookexternalua")
                .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body())).build();
        long start = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Delivery(r.statusCode(), r.body(), Duration.ofNanos(System.nanoTime() - start),
                        webhook));
    }

    /** The same signed bytes {@code times} times, one after another or all at once (as redeliveries race). */
    public List<Delivery> deliverDuplicates(JsonNode envelope, int times, boolean concurrently) {
        var webhook = sign(envelope, WebhookEncoding.ESCAPED_UNICODE);
        if (!concurrently) {
            return IntStream.range(0, times).mapToObj(i -> post(webhook)).toList();
        }
        var futures = IntStream.range(0, times).mapToObj(i -> postAsync(webhook)).toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    /** read, then delivered, then sent for one message, each in its own POST: the order Meta does not promise. */
    public List<Delivery> deliverStatusesOutOfOrder(String wamid, String recipient) {
        return List.of("read", "delivered", "sent").stream()
                .map(status -> deliverStatuses(StatusUpdates.of(wamid, status, recipient))).toList();
    }

    /** The subscription handshake: {@code GET ?hub.mode=subscribe&hub.verify_token=..&hub.challenge=..}. */
    public Delivery verify(String verifyToken, String challenge) {
        var query = "hub.mode=subscribe&hub.verify_token=" + URLEncoder.encode(verifyToken, StandardCharsets.UTF_8)
                + "&hub.challenge=" + URLEncoder.encode(challenge, StandardCharsets.UTF_8);
        var uri = URI.create(target + (target.getRawQuery() == null ? "?" : "&") + query);
        long start = System.nanoTime();
        try {
            var response = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Delivery(response.statusCode(), response.body(), Duration.ofNanos(System.nanoTime() - start),
                    null);
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("verification GET to " + target + " failed", e);
        }
    }

    private void recordInbound(SignedWebhook webhook) {
        if (onInbound == null) {
            return;
        }
        var envelope = Json.tryParse(webhook.body());
        envelope.ifPresent(json -> json.path("entry").forEach(entry -> entry.path("changes").forEach(change ->
                change.path("value").path("messages").forEach(onInbound::accept))));
    }
}
