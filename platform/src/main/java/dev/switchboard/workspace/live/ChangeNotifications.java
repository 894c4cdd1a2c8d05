package dev.switchboard.workspace.live;

import dev.switchboard.conversation.ConversationChanged;
import dev.switchboard.conversation.MessageAppended;
import dev.switchboard.conversation.MessageChanged;
import dev.switchboard.conversation.MessageSent;
import dev.switchboard.workspace.presence.PresenceChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Announces changes with {@code pg_notify} from inside the transaction that makes them (synchronous listeners).
 * PostgreSQL delivers a notification only when that transaction commits, and drops it on rollback, so every
 * node hears exactly the changes that happened, after they are visible to its reads.
 */
@Component
class ChangeNotifications {

    private final JdbcClient jdbc;

    ChangeNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ConversationChanged event) {
        notify(new LiveNotice(event.tenantId(), LiveNotice.Kind.CONVERSATION, event.conversationId(), null));
    }

    @EventListener
    void on(MessageAppended event) {
        notify(new LiveNotice(event.tenantId(), LiveNotice.Kind.MESSAGE, event.conversationId(), event.messageId()));
    }

    @EventListener
    void on(MessageChanged event) {
        notify(new LiveNotice(event.tenantId(), LiveNotice.Kind.CHANGED, event.conversationId(), event.messageId()));
    }

    @EventListener
    void on(MessageSent event) {
        notify(new LiveNotice(event.tenantId(), LiveNotice.Kind.DELIVERY, event.conversationId(), event.messageId()));
    }

    @EventListener
    void on(PresenceChanged event) {
        notify(new LiveNotice(event.tenantId(), LiveNotice.Kind.PRESENCE, event.userId(), null));
    }

    private void notify(LiveNotice notice) {
        jdbc.sql("select pg_notify(:channel, :payload)").param("channel", LiveNotice.CHANNEL)
                .param("payload", notice.encode()).query((rs, n) -> 1).single();
    }
}
