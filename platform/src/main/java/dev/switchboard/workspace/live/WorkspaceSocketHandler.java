package dev.switchboard.workspace.live;

import dev.switchboard.identity.AuthenticatedUser;
import dev.switchboard.identity.Authenticator;
import dev.switchboard.shared.TenantRole;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.Tenants;
import dev.switchboard.workspace.inbox.Inbox;
import dev.switchboard.workspace.presence.PresenceRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's live connection. The access token arrives in the first message (never in the URL, which
 * proxies and access logs record), is re-verified on every heartbeat, and every subscription is authorised
 * afresh: the caller's role in that tenant, and for a conversation also that it belongs to that tenant. A
 * refused subscription is answered exactly alike for a foreign and an unknown tenant.
 */
@Component
class WorkspaceSocketHandler extends TextWebSocketHandler {

    static final CloseStatus UNAUTHORIZED = new CloseStatus(4401, "unauthorized");
    static final CloseStatus PROTOCOL_ERROR = new CloseStatus(4400, "protocol error");
    static final CloseStatus SILENT = new CloseStatus(4408, "no heartbeat");
    static final Duration AUTH_DEADLINE = Duration.ofSeconds(10);

    private final Map<String, LiveSession> sessions = new ConcurrentHashMap<>();
    private final Authenticator authenticator;
    private final Tenants tenants;
    private final Inbox inbox;
    private final PresenceRegistry presence;
    private final LiveFanout fanout;
    private final JsonMapper json;

    WorkspaceSocketHandler(Authenticator authenticator, Tenants tenants, Inbox inbox, PresenceRegistry presence,
                           LiveFanout fanout, JsonMapper json) {
        this.authenticator = authenticator;
        this.tenants = tenants;
        this.inbox = inbox;
        this.presence = presence;
        this.fanout = fanout;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        sessions.put(socket.getId(), new LiveSession(socket));
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage text) {
        LiveSession session = sessions.get(socket.getId());
        if (session == null) {
            return;
        }
        JsonNode message;
        try {
            message = json.readTree(text.getPayload());
        } catch (JacksonException e) {
            refuse(session, "bad_message", "messages are JSON objects with a type", PROTOCOL_ERROR);
            return;
        }
        String type = message.path("type").asString("");
        if (type.equals("auth")) {
            authenticate(session, message.path("token").asString(""));
            return;
        }
        Optional<AuthenticatedUser> user = session.user();
        if (user.isEmpty()) {
            refuse(session, "unauthorized", "send {\"type\":\"auth\",\"token\":...} first", UNAUTHORIZED);
            return;
        }
        switch (type) {
            case "subscribe" -> subscribe(session, user.get(), message);
            case "unsubscribe" -> unsubscribe(session, user.get(), message);
            case "heartbeat" -> heartbeat(session, message.path("idle").asBoolean(false));
            default -> refuse(session, "bad_message", "unknown message type", PROTOCOL_ERROR);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        LiveSession session = sessions.remove(socket.getId());
        if (session == null) {
            return;
        }
        session.stop();
        fanout.unregister(session);
        session.user().ifPresent(user -> session.tenants()
                .forEach(watch -> presence.leave(watch.tenantId(), session.id, user.id())));
    }

    private void authenticate(LiveSession session, String token) {
        Optional<AuthenticatedUser> user = token.isBlank() ? Optional.empty() : authenticator.authenticate(token);
        boolean sameUser = user.isPresent()
                && session.user().map(u -> u.id().equals(user.get().id())).orElse(true);
        if (!sameUser) {
            refuse(session, "unauthorized", "the access token is invalid, expired or revoked", UNAUTHORIZED);
            return;
        }
        boolean first = session.user().isEmpty();
        session.authenticate(user.get(), token);
        session.touch(session.idle());
        if (first) {
            fanout.register(session);
            session.send(fanout.write(new LiveEvents.Ready(user.get().id())));
        }
    }

    private void subscribe(LiveSession session, AuthenticatedUser user, JsonNode message) {
        String slug = message.path("tenant").asString("");
        Optional<UUID> conversation = conversationOf(message);
        Optional<TenantDefinition> tenant = tenants.find(slug);
        Optional<TenantRole> role = tenant.flatMap(t -> authenticator.roleIn(t.id(), user));
        boolean allowed = role.isPresent() && (message.path("conversation").isMissingNode() || conversation
                .map(id -> TenantScope.call(tenant.get().id(), () -> inbox.summary(id).isPresent())).orElse(false));
        if (!allowed) {
            session.send(fanout.write(new LiveEvents.Error("forbidden", "no such tenant or conversation for you",
                    slug, conversation.orElse(null))));
            return;
        }
        UUID tenantId = tenant.get().id();
        boolean added = conversation.isPresent() ? session.watchConversation(tenantId, conversation.get())
                : session.watch(new LiveSession.TenantWatch(tenantId, slug, role.get()));
        if (!added) {
            session.send(fanout.write(new LiveEvents.Error("too_many_subscriptions", "unsubscribe something first",
                    slug, conversation.orElse(null))));
            return;
        }
        // Presence first: once a dashboard is told it is subscribed, its agent counts as online everywhere.
        if (conversation.isEmpty()) {
            presence.beat(tenantId, session.id, user.id(), session.idle());
        }
        session.send(fanout.write(new LiveEvents.Subscribed(slug, conversation.orElse(null), role.get().wireName())));
        if (conversation.isEmpty()) {
            fanout.sendPresence(session, tenant.get());
        }
    }

    private void unsubscribe(LiveSession session, AuthenticatedUser user, JsonNode message) {
        Optional<TenantDefinition> tenant = tenants.find(message.path("tenant").asString(""));
        Optional<UUID> conversation = conversationOf(message);
        if (tenant.isEmpty()) {
            return;
        }
        if (conversation.isPresent()) {
            session.unwatchConversation(conversation.get());
        } else {
            session.unwatch(tenant.get().id())
                    .ifPresent(watch -> presence.leave(watch.tenantId(), session.id, user.id()));
        }
    }

    /** Re-verifies the token and every tenant role, then refreshes presence. */
    private void heartbeat(LiveSession session, boolean idle) {
        Optional<AuthenticatedUser> user = authenticator.authenticate(session.token());
        if (user.isEmpty()) {
            refuse(session, "token_expired", "the access token expired or was revoked: reconnect", UNAUTHORIZED);
            return;
        }
        session.touch(idle);
        for (LiveSession.TenantWatch watch : session.tenants()) {
            if (authenticator.roleIn(watch.tenantId(), user.get()).isEmpty()) {
                session.unwatch(watch.tenantId());
                presence.leave(watch.tenantId(), session.id, user.get().id());
                session.send(fanout.write(new LiveEvents.Error("forbidden", "your access to this tenant ended",
                        watch.slug(), null)));
            } else {
                presence.beat(watch.tenantId(), session.id, user.get().id(), idle);
            }
        }
        session.send(fanout.write(new LiveEvents.Pong()));
    }

    /** Closes connections that never authenticated, and those whose heartbeats stopped. */
    @Scheduled(fixedDelay = 5_000)
    void closeSilentConnections() {
        long now = System.nanoTime();
        for (LiveSession session : sessions.values()) {
            if (session.user().isEmpty() && now - session.openedAt > AUTH_DEADLINE.toNanos()) {
                refuse(session, "unauthorized", "no authentication in time", UNAUTHORIZED);
            } else if (session.user().isPresent() && now - session.lastSeen() > PresenceRegistry.TIMEOUT.toNanos()) {
                refuse(session, "silent", "no heartbeat", SILENT);
            }
        }
    }

    private void refuse(LiveSession session, String code, String message, CloseStatus close) {
        session.send(fanout.write(new LiveEvents.Error(code, message, null, null)));
        session.closeAfterSending(close);
    }

    private static Optional<UUID> conversationOf(JsonNode message) {
        try {
            String id = message.path("conversation").asString("");
            return id.isEmpty() ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
