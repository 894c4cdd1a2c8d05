package dev.switchboard.webchat.socket;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The widget sockets open on this node, by visitor (a visitor may have several tabs open). */
@Component
class VisitorSockets {

    private final ConcurrentHashMap<String, Set<VisitorSocket>> byVisitor = new ConcurrentHashMap<>();

    /** Registers the socket unless its visitor already holds {@code max} open sockets. */
    boolean add(VisitorSocket socket, int max) {
        boolean[] added = new boolean[1];
        byVisitor.compute(key(socket.visitor().tenantId(), socket.visitor().id()), (k, sockets) -> {
            Set<VisitorSocket> set = sockets == null ? ConcurrentHashMap.newKeySet() : sockets;
            if (set.size() < max) {
                added[0] = set.add(socket);
            }
            return set;
        });
        return added[0];
    }

    void remove(VisitorSocket socket) {
        byVisitor.computeIfPresent(key(socket.visitor().tenantId(), socket.visitor().id()), (k, set) -> {
            set.remove(socket);
            return set.isEmpty() ? null : set;
        });
    }

    List<VisitorSocket> of(UUID tenantId, String visitorId) {
        Set<VisitorSocket> set = byVisitor.get(key(tenantId, visitorId));
        return set == null ? List.of() : List.copyOf(set);
    }

    int count() {
        return byVisitor.values().stream().mapToInt(Set::size).sum();
    }

    private static String key(UUID tenantId, String visitorId) {
        return tenantId + "|" + visitorId;
    }
}
