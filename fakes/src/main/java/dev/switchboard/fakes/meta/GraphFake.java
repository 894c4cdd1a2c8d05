package dev.switchboard.fakes.meta;

import dev.switchboard.fakes.FakeServer;
import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.http.LocalHttpServer;
import dev.switchboard.fakes.http.RecordedRequest;
import dev.switchboard.fakes.http.RequestLog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A fake WhatsApp Cloud API. Point the platform's Graph base URL at {@link #baseUrl()} and use the options' access
 * token. Accepted messages are recorded ({@link #sentMessages()}); statuses follow by callback when configured.
 */
public final class GraphFake implements FakeServer {

    private final LocalHttpServer server;
    private final TemplateCatalog templates = new TemplateCatalog();
    private final MediaStore media = new MediaStore();
    private final CustomerWindows windows = new CustomerWindows();
    private final RequestLog<RecordedRequest> requests = new RequestLog<>();
    private final StatusEmitter statuses;
    private final SendEndpoint send;

    private GraphFake(GraphOptions options) {
        this.server = LocalHttpServer.bind(options.port());
        this.statuses = new StatusEmitter(options.statusCallback(), options.appSecret(), options.number(),
                server.shutdown());
        this.send = new SendEndpoint(options, new MessageRules(templates, media), windows, statuses);
        var router = new GraphRouter(options.accessToken(), send,
                new MediaEndpoints(media, options.accessToken(), server.baseUrl()),
                new TemplatesEndpoint(templates, server.baseUrl()), requests);
        server.route("/", router).start();
    }

    public static GraphFake start() {
        return start(GraphOptions.defaults());
    }

    public static GraphFake start(GraphOptions options) {
        return new GraphFake(options);
    }

    /** Every message accepted so far, in order. */
    public List<SentMessage> sentMessages() {
        return send.sent().all();
    }

    public List<SentMessage> awaitSentMessages(int count, Duration timeout) {
        return send.sent().await(count, timeout);
    }

    /** Every request received (any path, accepted or not). */
    public List<RecordedRequest> requests() {
        return requests.all();
    }

    /** Every status the fake reported (whether or not a callback URL was configured). */
    public List<ObjectNode> emittedStatuses() {
        return statuses.emitted().all();
    }

    public List<ObjectNode> awaitEmittedStatuses(int count, Duration timeout) {
        return statuses.emitted().await(count, timeout);
    }

    /** Reports a status for a sent message now (e.g. {@code read}), through the callback if configured. */
    public void emitStatus(String wamid, String status) {
        var message = sentMessages().stream().filter(m -> m.wamid().equals(wamid)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sent message " + wamid));
        statuses.emit(StatusEmitter.echoCallbackData(message, StatusUpdates.of(wamid, status, message.to())));
    }

    /** Changes the per-number throughput from now on (messages per second), e.g. to provoke 130429 under load. */
    public void throughput(double messagesPerSecond) {
        send.throughput(messagesPerSecond);
    }

    /** The customer wrote at {@code at}: opens their 24-hour window. */
    public void recordInbound(String waId, Instant at) {
        windows.recordInbound(waId, at);
    }

    /** Records an inbound webhook message object ({@code from}, {@code timestamp}). */
    public void recordInbound(JsonNode message) {
        var timestamp = Json.text(message, "timestamp");
        var at = timestamp == null ? Instant.now() : Instant.ofEpochSecond(Long.parseLong(timestamp));
        recordInbound(Json.text(message, "from"), at);
    }

    /** Sends to {@code waId} fail with 131026 from now on. */
    public void markUndeliverable(String waId) {
        send.undeliverable(waId);
    }

    public TemplateCatalog templates() {
        return templates;
    }

    public MediaStore media() {
        return media;
    }

    @Override
    public URI baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.close();
    }
}
