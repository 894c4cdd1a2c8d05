package dev.switchboard.webchat.socket;

import dev.switchboard.conversation.Message;
import dev.switchboard.webchat.visitor.Visitor;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One open widget connection. It follows one conversation and remembers the highest seq it sent of it, and all
 * sending happens under one lock: messages leave in seq order, each once. A message that arrives with a gap
 * before it (one still being pushed by another thread, or tool rows the visitor never sees) makes the socket
 * read the gap from the database first; the later push of a message already sent is then skipped.
 */
final class VisitorSocket {

    private static final Logger log = LoggerFactory.getLogger(VisitorSocket.class);

    private final WebSocketSession session;
    private final Visitor visitor;
    private final ReentrantLock lock = new ReentrantLock();
    private UUID conversationId;
    private long lastSeq;
    private boolean ready;
    private volatile String language;
    private volatile boolean languageApplied;

    VisitorSocket(WebSocketSession session, Visitor visitor) {
        this.session = session;
        this.visitor = visitor;
    }

    Visitor visitor() {
        return visitor;
    }

    String id() {
        return session.getId();
    }

    /**
     * Answers a hello: from now on this socket follows {@code conversation} (null: whichever the visitor writes
     * in next) and first receives everything after {@code lastSeq}, then the reply being streamed, if any.
     */
    void start(UUID conversation, long fromSeq, String welcome, Supplier<List<Message>> missed,
               Function<Message, String> render, Supplier<String> draft) {
        lock.lock();
        try {
            conversationId = conversation;
            lastSeq = fromSeq;
            send(welcome);
            if (conversation != null) {
                sendAll(missed.get(), render);
                // Read under the lock: a delta appended after this snapshot is sent after it, never lost between.
                String streaming = draft.get();
                if (streaming != null) {
                    send(streaming);
                }
            }
            ready = true;
        } finally {
            lock.unlock();
        }
    }

    /** Sends {@code message} unless already sent; first whatever came before it that this socket has not seen. */
    boolean push(Message message, String frame, LongFunction<List<Message>> gap,
                 Function<Message, String> render) {
        lock.lock();
        try {
            if (!ready) {
                return false; // its hello will read this message from the database
            }
            if (!message.conversationId().equals(conversationId)) {
                conversationId = message.conversationId(); // the visitor's next conversation began
                lastSeq = 0;
            }
            if (message.seq() <= lastSeq) {
                return true;
            }
            if (message.seq() == lastSeq + 1) {
                send(frame);
                lastSeq = message.seq();
            } else {
                sendAll(gap.apply(lastSeq), render);
                if (message.seq() > lastSeq) {
                    send(frame);
                    lastSeq = message.seq();
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Frames about the followed conversation (deltas, typing, closed...); dropped for any other. */
    boolean sendAbout(UUID conversation, String frame) {
        lock.lock();
        try {
            if (!ready || !conversation.equals(conversationId)) {
                return false;
            }
            send(frame);
            return true;
        } finally {
            lock.unlock();
        }
    }

    void sendNow(String frame) {
        lock.lock();
        try {
            send(frame);
        } finally {
            lock.unlock();
        }
    }

    /** The conversation this socket follows, or null before the visitor's first message. */
    UUID followed() {
        lock.lock();
        try {
            return conversationId;
        } finally {
            lock.unlock();
        }
    }

    String language() {
        return language;
    }

    void language(String value) {
        this.language = value;
    }

    /** True the first time only: the visitor's language is recorded once per connection. */
    boolean takeLanguageToApply() {
        if (languageApplied || language == null) {
            return false;
        }
        languageApplied = true;
        return true;
    }

    void close(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException e) {
            log.debug("closing web chat socket {}: {}", session.getId(), e.getMessage());
        }
    }

    private void sendAll(List<Message> messages, Function<Message, String> render) {
        for (Message m : messages) {
            if (m.seq() > lastSeq) {
                send(render.apply(m));
                lastSeq = m.seq();
            }
        }
    }

    private void send(String frame) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.sendMessage(new TextMessage(frame));
        } catch (IOException | IllegalStateException e) {
            log.debug("web chat socket {} dropped a frame: {}", session.getId(), e.getMessage());
        }
    }
}
