package dev.switchboard.webchat.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.switchboard.webchat.site.Sites;
import dev.switchboard.webchat.visitor.Visitor;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A frame the saturated platform cannot take is refused as "busy", naming the message, so the widget resends it. */
class ChatSocketOverloadTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aMessageThatFindsNoDatabaseConnectionIsAnsweredBusyWithItsIdAndARetryDelay() throws Exception {
        VisitorSockets sockets = mock(VisitorSockets.class);
        when(sockets.add(any(), org.mockito.ArgumentMatchers.anyInt())).thenReturn(true);
        VisitorRequests requests = mock(VisitorRequests.class);
        doThrow(new CannotCreateTransactionException("Could not open JDBC Connection for transaction"))
                .when(requests).handle(any(), any());
        VisitorLimits limits = mock(VisitorLimits.class);
        when(limits.frame(any())).thenReturn(Duration.ZERO);
        ChatSocket socket = new ChatSocket(sockets, requests, limits, new ClientFrames(json),
                new Frames(json, mock(Sites.class)), 5);

        List<String> sent = new CopyOnWriteArrayList<>();
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(VisitorHandshake.VISITOR, new Visitor(UUID.randomUUID(), "v_test", false));
        WebSocketSession session = mock(WebSocketSession.class);
        when(session.getAttributes()).thenReturn(attributes);
        when(session.isOpen()).thenReturn(true);
        when(session.getId()).thenReturn("s1");
        org.mockito.Mockito.doAnswer(call -> {
            sent.add(((WebSocketMessage<?>) call.getArgument(0)).getPayload().toString());
            return null;
        }).when(session).sendMessage(any());

        socket.afterConnectionEstablished(session);
        socket.handleTextMessage(session, new TextMessage("{\"type\":\"message\",\"id\":\"client-msg-0001\",\"text\":\"hola\"}"));

        assertThat(sent).hasSize(1);
        JsonNode error = json.readTree(sent.getFirst());
        assertThat(error.path("type").asString()).isEqualTo("error");
        assertThat(error.path("code").asString()).isEqualTo("busy");
        assertThat(error.path("id").asString()).isEqualTo("client-msg-0001");
        assertThat(error.path("retryAfterMs").asLong()).isPositive();
    }
}
