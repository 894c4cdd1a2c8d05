package dev.switchboard.webchat.cluster;

import java.util.UUID;

/**
 * What a node tells the others about a visitor, so their sockets of that visitor show it too. Messages travel
 * as ids (the receiving node reads them by seq); deltas and notices travel whole.
 */
public interface Fanout {

    void message(UUID tenantId, String visitorId, UUID conversationId, long seq);

    void delta(UUID tenantId, String visitorId, UUID conversationId, UUID turnId, int offset, String text);

    void notice(UUID tenantId, String visitorId, UUID conversationId, String frame);

    /** Where fanned-out events arrive on each node. */
    interface Receiver {

        void message(UUID tenantId, String visitorId, UUID conversationId, long seq);

        void delta(UUID tenantId, String visitorId, UUID conversationId, UUID turnId, int offset, String text);

        void notice(UUID tenantId, String visitorId, UUID conversationId, String frame);
    }
}
