package dev.switchboard.conversation;

import java.time.Instant;

/**
 * What every channel adapter turns its input into before handing it to the {@link ChannelRouter}.
 *
 * @param address           the contact's id on that channel (web chat visitor id, WhatsApp wa_id, phone)
 * @param displayName       the name the channel knows, if any
 * @param providerMessageId the channel's own id for this message; a second delivery of it changes nothing
 * @param sentAt            when the customer sent it, per the channel
 */
public record InboundMessage(Channel channel, String address, String displayName, String providerMessageId,
                             Instant sentAt, InboundContent content) {
}
