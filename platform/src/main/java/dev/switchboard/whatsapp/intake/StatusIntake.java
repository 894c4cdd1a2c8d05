package dev.switchboard.whatsapp.intake;

import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.Messages;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.whatsapp.WhatsAppStatusReported;
import dev.switchboard.whatsapp.cloudapi.DeliveryUpdate;
import dev.switchboard.whatsapp.cloudapi.InboundEvents;
import dev.switchboard.whatsapp.delivery.CallbackData;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records a status on the outbound message it belongs to, found by the message id our send carried as callback
 * data (so a status that overtakes the send's own response still lands) or else by the wamid. The message keeps
 * its furthest status ({@code Messages.recordDelivery} never moves backwards); a failure keeps Meta's code and
 * text. Every status is also published for modules that sent outside a conversation (campaigns).
 */
@Component
class StatusIntake {

    private static final Logger log = LoggerFactory.getLogger(StatusIntake.class);
    private static final Set<String> RECORDED = Set.of("sent", "delivered", "read", "failed");

    private final InboundEvents events;
    private final Messages messages;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher publisher;

    StatusIntake(InboundEvents events, Messages messages, TransactionTemplate tx, ApplicationEventPublisher publisher) {
        this.events = events;
        this.messages = messages;
        this.tx = tx;
        this.publisher = publisher;
    }

    void handle(String payload) {
        DeliveryUpdate update = events.status(payload);
        if (!RECORDED.contains(update.status())) {
            log.debug("WhatsApp status {} of {} ignored", update.status(), update.wamid());
            return;
        }
        UUID tenant = TenantScope.requireTenant();
        tx.executeWithoutResult(status -> {
            UUID messageId = CallbackData.messageId(update.callbackData())
                    .or(() -> messages.findOutbound(update.wamid()).map(Message::id)).orElse(null);
            if (messageId != null) {
                messages.recordDelivery(messageId, update.wamid(), update.status(), error(update));
            }
            publisher.publishEvent(new WhatsAppStatusReported(tenant, update.wamid(), messageId, update.callbackData(),
                    update.recipient(), update.status(), update.errorCode(), update.errorTitle(), update.at()));
        });
        if ("failed".equals(update.status())) {
            log.warn("WhatsApp message {} failed: ({}) {}", update.wamid(), update.errorCode(), update.errorTitle());
        }
    }

    private static JsonNode error(DeliveryUpdate update) {
        if (update.errorCode() == null) {
            return null;
        }
        ObjectNode error = JsonNodeFactory.instance.objectNode().put("code", update.errorCode())
                .put("title", update.errorTitle()).put("message", update.errorTitle());
        return update.errorDetails() == null ? error : error.put("details", update.errorDetails());
    }
}
