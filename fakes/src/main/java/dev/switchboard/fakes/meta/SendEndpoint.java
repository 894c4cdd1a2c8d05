package dev.switchboard.fakes.meta;

import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.http.RecordedRequest;
import dev.switchboard.fakes.http.RequestLog;
import dev.switchboard.fakes.http.Responses;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /{version}/{phone-number-id}/messages}: mark-as-read, or a send that passes validation, the
 * throughput bucket, the recipient checks and the 24-hour window, then is recorded and answered with a wamid.
 */
final class SendEndpoint {

    private final MessageRules rules;
    private volatile ThroughputLimiter limiter;
    private final CustomerWindows windows;
    private final WindowRule windowRule;
    private final StatusEmitter statuses;
    private final RequestLog<SentMessage> sent = new RequestLog<>();
    private final Set<String> undeliverable = ConcurrentHashMap.newKeySet();

    SendEndpoint(GraphOptions options, MessageRules rules, CustomerWindows windows, StatusEmitter statuses) {
        this.rules = rules;
        this.limiter = new ThroughputLimiter(options.throughputPerSecond());
        this.windows = windows;
        this.windowRule = options.windowRule();
        this.statuses = statuses;
    }

    RequestLog<SentMessage> sent() {
        return sent;
    }

    void throughput(double messagesPerSecond) {
        limiter = new ThroughputLimiter(messagesPerSecond);
    }

    void undeliverable(String waId) {
        undeliverable.add(waId);
    }

    void handle(HttpExchange exchange, RecordedRequest request, String phoneNumberId) throws IOException {
        var body = request.json();
        if (body.has("status")) {
            markAsRead(exchange, body);
            return;
        }
        var problem = rules.check(body).or(() -> limiter.tryAcquire(phoneNumberId) ? Optional.empty()
                : Optional.of(GraphError.throughputReached()));
        if (problem.isPresent()) {
            problem.get().write(exchange);
            return;
        }
        var to = Json.text(body, "to");
        var waId = to.replaceAll("[^0-9]", "");
        var type = MessageRules.typeOf(body);
        var refusal = refusal(waId, type);
        if (refusal != null && (windowRule == WindowRule.REJECT || refusal.code() != 131047)) {
            refusal.write(exchange);
            return;
        }
        var message = new SentMessage(InboundMessages.newWamid(), phoneNumberId, waId, type, body, Instant.now(),
                refusal);
        sent.add(message);
        statuses.accepted(message);
        Responses.json(exchange, 200, accepted(to, waId, message.wamid(), type.equals("template")));
    }

    /** Why this recipient cannot get this message now, or null. */
    private GraphError refusal(String waId, String type) {
        if (undeliverable.contains(waId)) {
            return GraphError.undeliverable();
        }
        boolean needsWindow = windowRule != WindowRule.OFF && !type.equals("template");
        return needsWindow && !windows.isOpen(waId, Instant.now()) ? GraphError.reEngagement() : null;
    }

    private static ObjectNode accepted(String input, String waId, String wamid, boolean template) {
        var response = Json.object().put("messaging_product", "whatsapp");
        response.putArray("contacts").add(Json.object().put("input", input).put("wa_id", waId));
        var message = Json.object().put("id", wamid);
        if (template) {
            message.put("message_status", "accepted");
        }
        response.putArray("messages").add(message);
        return response;
    }

    private static void markAsRead(HttpExchange exchange, JsonNode body) throws IOException {
        var messageId = Json.text(body, "message_id");
        if (!"whatsapp".equals(Json.text(body, "messaging_product")) || !"read".equals(Json.text(body, "status"))
                || messageId == null || !messageId.startsWith("wamid.")) {
            GraphError.invalidParameter("Mark as read needs messaging_product 'whatsapp', status 'read' and the "
                    + "wamid of an inbound message as message_id").write(exchange);
            return;
        }
        Responses.json(exchange, 200, Json.object().put("success", true));
    }
}
