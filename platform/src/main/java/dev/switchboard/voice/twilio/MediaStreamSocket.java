package dev.switchboard.voice.twilio;

import dev.switchboard.voice.call.CallSession;
import dev.switchboard.voice.call.LiveCalls;
import dev.switchboard.voice.pipeline.transport.MessageSink;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Media Streams WebSocket ({@code /ws/twilio/media}). Until a stream has shown a valid call token in its
 * {@code start} message, nothing but {@code connected} is accepted: any other message, a missing, forged or
 * expired token, or the token of another call closes the socket before a single audio frame is processed.
 */
@Component
class MediaStreamSocket extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(MediaStreamSocket.class);
    private static final String CALL = "call";

    private final CallTokens tokens;
    private final LiveCalls live;
    private final JsonMapper json = JsonMapper.builder().build();

    MediaStreamSocket(CallTokens tokens, LiveCalls live) {
        this.tokens = tokens;
        this.live = live;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        String text = message.getPayload();
        if (session.getAttributes().get(CALL) instanceof CallSession call) {
            call.onMessage(text);
            return;
        }
        JsonNode event = parse(text);
        switch (event.path("event").asString("")) {
            case "connected" -> { }
            case "start" -> begin(session, event.path("start"), text);
            default -> refuse(session, "a stream must start with a valid call token");
        }
    }

    private void begin(WebSocketSession session, JsonNode start, String text) throws IOException {
        String callSid = start.path("callSid").asString(null);
        String token = start.path("customParameters").path("token").asString(null);
        Optional<CallTokens.Claims> claims = tokens.verify(token, callSid);
        Optional<CallSession> call = claims.flatMap(c -> live.open(c.tenantId(), c.callId(),
                CallSession.Mode.valueOf(c.mode().toUpperCase(Locale.ROOT))));
        if (call.isEmpty()) {
            refuse(session, claims.isEmpty() ? "invalid call token" : "this call's stream is already open or over");
            return;
        }
        session.getAttributes().put(CALL, call.get());
        call.get().start(sink(session), text);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (session.getAttributes().get(CALL) instanceof CallSession call) {
            call.onClosed();
        }
    }

    private void refuse(WebSocketSession session, String reason) throws IOException {
        log.warn("media stream {} refused: {}", session.getId(), reason);
        session.close(CloseStatus.POLICY_VIOLATION.withReason(reason));
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (RuntimeException e) {
            return json.createObjectNode();
        }
    }

    private static MessageSink sink(WebSocketSession session) {
        WebSocketSession out = new ConcurrentWebSocketSessionDecorator(session, 5000, 1024 * 1024);
        return new MessageSink() {
            @Override
            public void send(String text) {
                try {
                    if (out.isOpen()) {
                        out.sendMessage(new TextMessage(text));
                    }
                } catch (IOException | IllegalStateException e) {
                    log.debug("media stream {}: send failed: {}", session.getId(), e.toString());
                }
            }

            @Override
            public void close() {
                try {
                    out.close(CloseStatus.NORMAL);
                } catch (IOException e) {
                    log.debug("media stream {}: close failed: {}", session.getId(), e.toString());
                }
            }
        };
    }
}
