package dev.switchboard.workspace.live;

import dev.switchboard.identity.AuthenticatedUser;
import dev.switchboard.shared.TenantRole;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One dashboard connection: who it authenticated as, what it is subscribed to, and its outbox. A single writer
 * thread per connection sends in order, so a slow browser delays only itself; one that falls
 * {@value #OUTBOX_SIZE} messages behind is disconnected and resynchronises when it reconnects.
 */
final class LiveSession {

    static final int OUTBOX_SIZE = 512;
    static final int MAX_TENANTS = 20;
    static final int MAX_CONVERSATIONS = 50;

    /** A tenant subscription, authorised for {@code role}. */
    record TenantWatch(UUID tenantId, String slug, TenantRole role) {
    }

    private sealed interface Outgoing permits Text, Close {
    }

    private record Text(String json) implements Outgoing {
    }

    private record Close(CloseStatus status) implements Outgoing {
    }

    final UUID id = UUID.randomUUID();
    final long openedAt = System.nanoTime();
    private final WebSocketSession socket;
    private final BlockingQueue<Outgoing> outbox = new ArrayBlockingQueue<>(OUTBOX_SIZE);
    private final Map<UUID, TenantWatch> tenants = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> conversations = new ConcurrentHashMap<>();
    private final Thread writer;
    private volatile AuthenticatedUser user;
    /** Kept to re-verify on every heartbeat (an expired or revoked token ends the connection); never logged. */
    private volatile String token;
    private volatile long lastSeen = System.nanoTime();
    private volatile boolean idle;

    LiveSession(WebSocketSession socket) {
        this.socket = socket;
        this.writer = Thread.ofVirtual().name("workspace-ws-" + id).start(this::write);
    }

    Optional<AuthenticatedUser> user() {
        return Optional.ofNullable(user);
    }

    String token() {
        return token;
    }

    void authenticate(AuthenticatedUser user, String token) {
        this.user = user;
        this.token = token;
    }

    void touch(boolean idle) {
        this.idle = idle;
        this.lastSeen = System.nanoTime();
    }

    long lastSeen() {
        return lastSeen;
    }

    boolean idle() {
        return idle;
    }

    boolean watch(TenantWatch watch) {
        if (!tenants.containsKey(watch.tenantId()) && tenants.size() >= MAX_TENANTS) {
            return false;
        }
        tenants.put(watch.tenantId(), watch);
        return true;
    }

    Optional<TenantWatch> unwatch(UUID tenantId) {
        conversations.values().removeIf(tenantId::equals);
        return Optional.ofNullable(tenants.remove(tenantId));
    }

    boolean watchConversation(UUID tenantId, UUID conversationId) {
        if (!conversations.containsKey(conversationId) && conversations.size() >= MAX_CONVERSATIONS) {
            return false;
        }
        conversations.put(conversationId, tenantId);
        return true;
    }

    void unwatchConversation(UUID conversationId) {
        conversations.remove(conversationId);
    }

    List<TenantWatch> tenants() {
        return List.copyOf(tenants.values());
    }

    /** Tenants this connection watches at all: their own subscription or one of their conversations. */
    java.util.Set<UUID> tenantIds() {
        java.util.Set<UUID> ids = new java.util.HashSet<>(tenants.keySet());
        ids.addAll(conversations.values());
        return ids;
    }

    Optional<TenantWatch> watching(UUID tenantId) {
        return Optional.ofNullable(tenants.get(tenantId));
    }

    boolean watchingConversation(UUID tenantId, UUID conversationId) {
        return tenantId.equals(conversations.get(conversationId));
    }

    void send(String json) {
        if (!outbox.offer(new Text(json))) {
            outbox.clear();
            outbox.offer(new Close(new CloseStatus(1013, "too far behind; reconnect and resynchronise")));
        }
    }

    /** Closes once everything queued before (such as the error that explains why) has been sent. */
    void closeAfterSending(CloseStatus status) {
        if (!outbox.offer(new Close(status))) {
            outbox.clear();
            outbox.offer(new Close(status));
        }
    }

    void stop() {
        // The container reports a close on the thread that found it, which may be this writer (it closed the socket,
        // or a send found it closed): interrupting itself would break what the close handler still does on it, such
        // as clearing the agent's presence (an interrupted JDBC call closes its connection; the agent stayed online).
        if (Thread.currentThread() != writer) {
            writer.interrupt();
        }
    }

    private void write() {
        try {
            while (socket.isOpen()) {
                switch (outbox.take()) {
                    case Text text -> socket.sendMessage(new TextMessage(text.json()));
                    case Close close -> {
                        socket.close(close.status());
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | IllegalStateException e) {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            socket.close(CloseStatus.SERVER_ERROR);
        } catch (IOException | IllegalStateException ignored) {
            // already closing
        }
    }
}
