package dev.switchboard.webchat.socket;

import dev.switchboard.conversation.Message;
import dev.switchboard.webchat.cluster.Fanout;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What other nodes delivered, shown on this node's sockets of the same visitor. A message is read from the
 * database by its seq (so the usual order and once-only rules apply); a delta is also added to this node's
 * draft at its offset, so a widget reconnecting here mid-reply still gets the whole draft.
 */
@Component
class FannedOutDeliveries implements Fanout.Receiver {

    private final VisitorSockets sockets;
    private final LocalDelivery local;
    private final History history;
    private final Drafts drafts;

    FannedOutDeliveries(VisitorSockets sockets, LocalDelivery local, History history, Drafts drafts) {
        this.sockets = sockets;
        this.local = local;
        this.history = history;
        this.drafts = drafts;
    }

    @Override
    public void message(UUID tenantId, String visitorId, UUID conversationId, long seq) {
        if (sockets.of(tenantId, visitorId).isEmpty()) {
            return;
        }
        history.after(tenantId, conversationId, seq - 1).stream().filter(m -> m.seq() == seq).findFirst()
                .ifPresent((Message m) -> local.message(tenantId, visitorId, m));
    }

    @Override
    public void delta(UUID tenantId, String visitorId, UUID conversationId, UUID turnId, int offset, String text) {
        if (drafts.appendAt(conversationId, turnId, offset, text)) {
            local.delta(tenantId, visitorId, conversationId, turnId, offset, text);
        }
    }

    @Override
    public void notice(UUID tenantId, String visitorId, UUID conversationId, String frame) {
        local.about(tenantId, visitorId, conversationId, frame);
    }
}
