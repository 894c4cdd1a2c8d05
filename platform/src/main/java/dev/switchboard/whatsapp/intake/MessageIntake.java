package dev.switchboard.whatsapp.intake;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.ChannelRouter;
import dev.switchboard.conversation.InboundContent;
import dev.switchboard.conversation.InboundMessage;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.whatsapp.account.WhatsAppAccounts;
import dev.switchboard.whatsapp.cloudapi.CustomerMessage;
import dev.switchboard.whatsapp.cloudapi.InboundEvents;
import dev.switchboard.whatsapp.media.InboundMedia;
import org.springframework.stereotype.Component;

/**
 * Routes a customer's message into its conversation through the {@link ChannelRouter} (which ignores a wamid it
 * has seen), after fetching and storing any media it carries. Types the platform cannot read are stored like any
 * other message and answered politely.
 */
@Component
class MessageIntake {

    private final InboundEvents events;
    private final ChannelRouter router;
    private final InboundMedia media;
    private final WhatsAppAccounts accounts;
    private final UnsupportedReplies unsupported;

    MessageIntake(InboundEvents events, ChannelRouter router, InboundMedia media, WhatsAppAccounts accounts,
                  UnsupportedReplies unsupported) {
        this.events = events;
        this.router = router;
        this.media = media;
        this.accounts = accounts;
        this.unsupported = unsupported;
    }

    void handle(String payload, int attempt) {
        CustomerMessage message = events.message(payload);
        InboundContent content = message.content() != null ? message.content()
                : media.resolve(accounts.require(TenantScope.requireTenant()), message.attachment(), attempt);
        ChannelRouter.Routed routed = router.route(new InboundMessage(Channel.WHATSAPP, message.waId(),
                message.profileName(), message.wamid(), message.sentAt(), content));
        if (!routed.duplicate() && content instanceof InboundContent.Unsupported kind) {
            unsupported.answer(routed.conversation(), message.waId(), kind.type());
        }
    }
}
