package dev.switchboard.webchat.socket;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.ChannelRouter;
import dev.switchboard.conversation.Contacts;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.InboundContent;
import dev.switchboard.conversation.InboundMessage;
import dev.switchboard.conversation.Owner;
import dev.switchboard.shared.Conflict;
import dev.switchboard.webchat.VisitorTyping;
import dev.switchboard.webchat.cluster.Fanout;
import dev.switchboard.webchat.config.WebchatProperties;
import dev.switchboard.webchat.visitor.Visitor;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What each widget frame does, inside the visitor's tenant scope. Every conversation id a widget names is
 * checked to be this visitor's own web chat conversation before anything of it is read; a foreign or unknown id
 * gets the same {@code conversation_not_found}.
 */
@Component
class VisitorRequests {

    private final ChannelRouter router;
    private final Conversations conversations;
    private final Contacts contacts;
    private final LocalDelivery local;
    private final Frames frames;
    private final VisitorLimits limits;
    private final ApplicationEventPublisher events;
    private final WebchatProperties properties;
    private final Clock clock;
    private final Fanout fanout;

    VisitorRequests(ChannelRouter router, Conversations conversations, Contacts contacts, LocalDelivery local,
                    Frames frames, VisitorLimits limits, ApplicationEventPublisher events,
                    WebchatProperties properties, Clock clock, Fanout fanout) {
        this.fanout = fanout;
        this.router = router;
        this.conversations = conversations;
        this.contacts = contacts;
        this.local = local;
        this.frames = frames;
        this.limits = limits;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    void handle(VisitorSocket socket, ClientFrame frame) {
        switch (frame) {
            case ClientFrame.Hello hello -> hello(socket, hello);
            case ClientFrame.Say say -> say(socket, say);
            case ClientFrame.Typing typing -> typing(socket, typing);
            case ClientFrame.Rate rate -> rate(socket, rate);
            case ClientFrame.End end -> end(socket);
            case ClientFrame.Ping ping -> socket.sendNow(frames.pong());
        }
    }

    private void hello(VisitorSocket socket, ClientFrame.Hello hello) {
        socket.language(hello.language() != null && hello.language().matches("en|es") ? hello.language() : null);
        Conversation conversation = null;
        if (hello.conversationId() != null) {
            conversation = own(socket.visitor(), hello.conversationId()).orElse(null);
            if (conversation == null) {
                socket.sendNow(frames.error("conversation_not_found", "no such conversation for this visitor", null));
                return;
            }
        }
        local.start(socket, conversation, hello.lastSeq());
    }

    private void say(VisitorSocket socket, ClientFrame.Say say) {
        Visitor visitor = socket.visitor();
        String text = say.text().strip();
        if (text.isEmpty()) {
            socket.sendNow(frames.error("empty_message", "a message needs some text", say.id()));
            return;
        }
        if (text.length() > properties.maxMessageChars()) {
            socket.sendNow(frames.tooLarge(say.id(), properties.maxMessageChars()));
            return;
        }
        Duration wait = limits.message(visitor);
        if (!wait.isZero()) {
            socket.sendNow(frames.rateLimited(say.id(), wait));
            return;
        }
        applyLanguage(socket);
        var routed = router.route(new InboundMessage(Channel.WEBCHAT, visitor.id(), null,
                visitor.providerMessageId(say.id()), clock.instant(), new InboundContent.Text(text)));
        local.message(visitor.tenantId(), visitor.id(), routed.message());
        if (!routed.duplicate()) {
            fanout.message(visitor.tenantId(), visitor.id(), routed.conversation().id(), routed.message().seq());
        }
        socket.sendNow(frames.ack(say.id(), routed.message(), routed.duplicate()));
        if (!routed.duplicate() && routed.conversation().owner() == Owner.AI) {
            local.about(visitor.tenantId(), visitor.id(), routed.conversation().id(),
                    frames.typing(routed.conversation().id(), "ai", true));
        }
    }

    /** The widget's language reaches the contact before its first message, so the first answer uses it. */
    private void applyLanguage(VisitorSocket socket) {
        if (socket.takeLanguageToApply()) {
            var contact = contacts.contactFor(Channel.WEBCHAT, socket.visitor().id(), null);
            if (contact.language() == null) {
                contacts.setLanguage(contact.id(), socket.language());
            }
        }
    }

    private void typing(VisitorSocket socket, ClientFrame.Typing typing) {
        UUID followed = socket.followed();
        if (followed != null) {
            events.publishEvent(new VisitorTyping(socket.visitor().tenantId(), followed, typing.active()));
        }
    }

    private void rate(VisitorSocket socket, ClientFrame.Rate rate) {
        Optional<Conversation> conversation = own(socket.visitor(), rate.conversationId());
        if (conversation.isEmpty()) {
            socket.sendNow(frames.error("conversation_not_found", "no such conversation for this visitor", null));
        } else if (!conversation.get().closed()) {
            socket.sendNow(frames.error("not_closed", "a conversation is rated once it has ended", null));
        } else if (rate.score() < 1 || rate.score() > 5) {
            socket.sendNow(frames.error("invalid_score", "the score is a whole number from 1 to 5", null));
        } else {
            try {
                conversations.rate(rate.conversationId(), rate.score());
            } catch (Conflict e) {
                socket.sendNow(frames.error("already_rated", "this conversation was already rated", null));
            }
        }
    }

    private void end(VisitorSocket socket) {
        UUID followed = socket.followed();
        if (followed != null) {
            own(socket.visitor(), followed).filter(c -> !c.closed())
                    .ifPresent(c -> conversations.close(c.id(), "visitor_ended"));
        }
    }

    private Optional<Conversation> own(Visitor visitor, UUID conversationId) {
        return conversations.find(conversationId).filter(c -> c.channel() == Channel.WEBCHAT
                && c.tenantId().equals(visitor.tenantId()) && c.channelAddress().equals(visitor.id()));
    }
}
