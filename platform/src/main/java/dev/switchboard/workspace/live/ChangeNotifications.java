package dev.switchboard.workspace.live;

import dev.switchboard.conversation.ConversationChanged;
import dev.switchboard.conversation.MessageAppended;
import dev.switchboard.conversation.MessageChanged;
import dev.switchboard.conversation.MessageSent;
import dev.switchboard.workspace.presence.PresenceChanged;
import dev.switchboard.shared.NotifyQueue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Announces changes on the {@link LiveNotice#CHANNEL} once the transaction that makes them commits (nothing on
 * rollback), so every node hears exactly the changes that happened, after they are visible to its reads. The
 * notifications go out in batches ({@link NotifyQueue}): a NOTIFY inside each change's own transaction serialised
 * every commit in the database. A node that dies between a commit and its batch loses those notices; a dashboard
 * shows the change on its next read.
 */
@Component
class ChangeNotifications {

    private final NotifyQueue notifications;

    ChangeNotifications(NotifyQueue notifications) {
        this.notifications = notifications;
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
        notifications.sendAfterCommit(LiveNotice.CHANNEL, notice.encode());
    }
}
