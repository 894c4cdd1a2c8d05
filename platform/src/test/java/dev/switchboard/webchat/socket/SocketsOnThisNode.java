package dev.switchboard.webchat.socket;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationContext;

/**
 * What the server knows of a visitor's sockets. A client that closes its socket cannot tell when the server has
 * noticed; until then a reply is still written to that socket and counts as delivered, so a test about replies
 * stored while nobody was connected waits for this first.
 */
public final class SocketsOnThisNode {

    private SocketsOnThisNode() {
    }

    /** Waits up to ten seconds until the node holds no open socket of the visitor. */
    public static void awaitNoneOf(ApplicationContext context, UUID tenantId, String visitorId) {
        VisitorSockets sockets = context.getBean(VisitorSockets.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!sockets.of(tenantId, visitorId).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server still holds a socket of visitor " + visitorId);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
