package dev.switchboard.webchat.socket;

import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * What the server knows of a visitor's sockets. A client that closes its socket cannot tell when the server has
 * noticed; until then a reply is still written to that socket and counts as delivered, so a test about replies
 * stored while nobody was connected waits for this first.
 */
public final class SocketsOnThisNode {

    private SocketsOnThisNode() {
    }

    /** Whether this node still holds an open socket of the visitor. */
    public static boolean holdAny(ApplicationContext context, UUID tenantId, String visitorId) {
        return !context.getBean(VisitorSockets.class).of(tenantId, visitorId).isEmpty();
    }
}
