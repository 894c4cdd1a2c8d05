package dev.switchboard.webchat.socket;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Message;
import dev.switchboard.webchat.visitor.Visitor;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Hands messages, deltas and notices to the sockets a visitor holds on this node; each frame is built once. */
@Component
class LocalDelivery {

    private final VisitorSockets sockets;
    private final Frames frames;
    private final History history;
    private final Drafts drafts;

    LocalDelivery(VisitorSockets sockets, Frames frames, History history, Drafts drafts) {
        this.sockets = sockets;
        this.frames = frames;
        this.history = history;
        this.drafts = drafts;
    }

    /** True when at least one socket of the visitor took the message. */
    boolean message(UUID tenantId, String visitorId, Message message) {
        List<VisitorSocket> open = sockets.of(tenantId, visitorId);
        if (open.isEmpty()) {
            return false;
        }
        Visitor visitor = new Visitor(tenantId, visitorId, false);
        String frame = frames.message(message, visitor);
        boolean taken = false;
        for (VisitorSocket socket : open) {
            taken |= socket.push(message, frame, after -> history.after(tenantId, message.conversationId(), after),
                    m -> frames.message(m, visitor));
        }
        return taken;
    }

    /** False when the visitor has no socket on this node. */
    boolean delta(UUID tenantId, String visitorId, UUID conversationId, UUID turnId, int offset, String text) {
        List<VisitorSocket> open = sockets.of(tenantId, visitorId);
        if (open.isEmpty()) {
            return false;
        }
        String frame = frames.delta(conversationId, turnId, offset, text);
        open.forEach(s -> s.sendAbout(conversationId, frame));
        return true;
    }

    /** A notice about one conversation (typing, status, closed, rated) to the sockets that follow it. */
    void about(UUID tenantId, String visitorId, UUID conversationId, String frame) {
        sockets.of(tenantId, visitorId).forEach(s -> s.sendAbout(conversationId, frame));
    }

    /** The hello of one socket: the welcome, what it missed and the reply being streamed. */
    void start(VisitorSocket socket, Conversation conversation, long lastSeq) {
        Visitor visitor = socket.visitor();
        UUID id = conversation == null ? null : conversation.id();
        socket.start(id, lastSeq, frames.welcome(visitor, conversation),
                () -> history.after(visitor.tenantId(), id, lastSeq), m -> frames.message(m, visitor),
                () -> drafts.current(id).map(d -> frames.delta(id, d.turnId(), 0, d.text())).orElse(null));
    }
}
