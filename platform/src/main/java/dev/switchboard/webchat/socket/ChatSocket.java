package dev.switchboard.webchat.socket;

import dev.switchboard.shared.TenantScope;
import dev.switchboard.webchat.visitor.Visitor;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The transport side of a widget connection: registers the socket, parses each frame and runs it in the
 * visitor's tenant scope, and turns failures into error frames (the connection stays open).
 */
class ChatSocket extends TextWebSocketHandler implements SubProtocolCapable {

    private static final Logger log = LoggerFactory.getLogger(ChatSocket.class);
    /** Frames above this close the socket (1009) before they are read; text limits are checked below it. */
    static final int MAX_FRAME_BYTES = 64 * 1024;
    private static final String SOCKET = "webchat.socket";
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final Duration BUSY_RETRY = Duration.ofSeconds(2);
    private static final int SEND_BUFFER_BYTES = 512 * 1024;

    private final VisitorSockets sockets;
    private final VisitorRequests requests;
    private final VisitorLimits limits;
    private final ClientFrames parser;
    private final Frames frames;
    private final int socketsPerVisitor;

    ChatSocket(VisitorSockets sockets, VisitorRequests requests, VisitorLimits limits, ClientFrames parser,
               Frames frames, int socketsPerVisitor) {
        this.sockets = sockets;
        this.requests = requests;
        this.limits = limits;
        this.parser = parser;
        this.frames = frames;
        this.socketsPerVisitor = socketsPerVisitor;
    }

    @Override
    public List<String> getSubProtocols() {
        return List.of(VisitorHandshake.PROTOCOL);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        session.setTextMessageSizeLimit(MAX_FRAME_BYTES);
        Visitor visitor = (Visitor) session.getAttributes().get(VisitorHandshake.VISITOR);
        VisitorSocket socket = new VisitorSocket(
                new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, SEND_BUFFER_BYTES), visitor);
        if (!sockets.add(socket, socketsPerVisitor)) {
            socket.close(CloseStatus.POLICY_VIOLATION.withReason("too many open chats for this visitor"));
            return;
        }
        session.getAttributes().put(SOCKET, socket);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        VisitorSocket socket = (VisitorSocket) session.getAttributes().get(SOCKET);
        if (socket == null) {
            return;
        }
        Duration wait = limits.frame(socket.visitor());
        if (!wait.isZero()) {
            socket.sendNow(frames.rateLimited(null, wait));
            return;
        }
        ClientFrame frame = null;
        try {
            frame = parser.parse(message.getPayload());
            ClientFrame parsed = frame;
            TenantScope.run(socket.visitor().tenantId(), () -> requests.handle(socket, parsed));
        } catch (MalformedFrame e) {
            socket.sendNow(frames.error("invalid_frame", e.getMessage(), null));
        } catch (CannotCreateTransactionException | TransientDataAccessException e) {
            // Saturated (no connection within the pool's timeout): the message was not taken, and the widget offers
            // to send it again. Nothing was stored, so sending it again stores it once.
            String id = frame instanceof ClientFrame.Say say ? say.id() : null;
            log.warn("web chat frame of visitor {} not taken, the database is saturated: {}", socket.visitor().id(),
                    e.getMessage());
            socket.sendNow(frames.busy(id, BUSY_RETRY));
        } catch (RuntimeException e) {
            log.warn("web chat frame of visitor {} failed", socket.visitor().id(), e);
            socket.sendNow(frames.error("internal", "something went wrong on our side; please try again", null));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        VisitorSocket socket = (VisitorSocket) session.getAttributes().get(SOCKET);
        if (socket != null) {
            sockets.remove(socket);
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("web chat socket {} transport error: {}", session.getId(), exception.getMessage());
    }
}
