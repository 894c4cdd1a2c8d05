package dev.switchboard.webchat.socket;

import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.Messages;
import dev.switchboard.webchat.store.OwnReadTransactions;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The visible messages of a conversation a socket has not been sent yet, read in the visitor's tenant. */
@Component
class History {

    /** A widget opening a long conversation gets its latest messages, not all of them. */
    static final int FIRST_LOAD = 200;

    private final Messages messages;
    private final OwnReadTransactions reads;

    History(Messages messages, OwnReadTransactions reads) {
        this.messages = messages;
        this.reads = reads;
    }

    List<Message> after(UUID tenantId, UUID conversationId, long seq) {
        List<Message> found = reads.read(tenantId, () -> seq <= 0
                ? messages.latest(conversationId, FIRST_LOAD) : messages.after(conversationId, seq, 1000));
        return found.stream().filter(Frames::visible).toList();
    }
}
