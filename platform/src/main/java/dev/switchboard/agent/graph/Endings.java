package dev.switchboard.agent.graph;

import dev.switchboard.agent.CallEndRequested;
import dev.switchboard.agent.TurnFinished;
import dev.switchboard.agent.TurnOutcome;
import dev.switchboard.agent.TurnOutcome.Ending;
import dev.switchboard.conversation.Contacts;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.conversation.NewMessage;
import dev.switchboard.conversation.Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The last step of every turn, in one transaction: the reply is stored (and delivered after commit), the
 * conversation changes state where the ending says so, and the turn is closed, so a crash leaves either all of it
 * or none, and a resumed turn sends the reply exactly once.
 */
@Component
class Endings {

    private static final Logger log = LoggerFactory.getLogger(Endings.class);

    private final Outbound outbound;
    private final Conversations conversations;
    private final Contacts contacts;
    private final Turns turns;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    Endings(Outbound outbound, Conversations conversations, Contacts contacts, Turns turns, TransactionTemplate tx,
            ApplicationEventPublisher events) {
        this.outbound = outbound;
        this.conversations = conversations;
        this.contacts = contacts;
        this.turns = turns;
        this.tx = tx;
        this.events = events;
    }

    TurnOutcome end(TurnContext ctx, Ending ending, String text, String reason, String brain, String intent) {
        TurnOutcome outcome = new TurnOutcome(ctx.turn().id(), ending, blank(text) ? null : text, reason, brain);
        tx.executeWithoutResult(status -> {
            if (!blank(text)) {
                var content = JsonNodeFactory.instance.objectNode().put("brain", brain).put("language", ctx.language());
                if (intent != null) {
                    content.put("intent", intent);
                }
                outbound.send(ctx.conversation().id(), new NewMessage(MessageRole.AI, "text", text, content, null, null,
                        ctx.turn().id()));
            }
            changeConversation(ctx, ending, reason);
            turns.finish(ctx.turn().id(), status(ending), reason == null ? ending.name().toLowerCase() : reason);
            if (brain != null) {
                conversations.markAnsweredBy(ctx.conversation().id(), brain, ctx.language());
            }
            contacts.setLanguage(ctx.contact().id(), ctx.language());
            TurnRow row = turns.find(ctx.turn().id()).orElse(ctx.turn());
            events.publishEvent(new TurnFinished(ctx.tenant().id(), ctx.conversation().id(), ctx.turn().id(), brain,
                    ending.name(), reason, intent, row.steps(), row.toolCalls(),
                    (System.nanoTime() - ctx.startedNanos()) / 1_000_000));
        });
        ctx.listener().onFinished(outcome);
        return outcome;
    }

    /**
     * Checked before changing: a refused compare-and-set would throw inside this transaction and roll the reply back
     * with it. A human who took the conversation meanwhile keeps it; the turn still ends.
     */
    private void changeConversation(TurnContext ctx, Ending ending, String reason) {
        var now = conversations.get(ctx.conversation().id());
        boolean withAi = now.status() == dev.switchboard.conversation.ConversationStatus.ACTIVE;
        switch (ending) {
            case HANDED_OFF -> {
                if (withAi) {
                    conversations.requestHandoff(now.id(), reason);
                }
            }
            case CONVERSATION_ENDED -> {
                if (!now.closed()) {
                    conversations.close(now.id(), "ended_by_agent");
                }
            }
            case CALL_ENDED -> events.publishEvent(new CallEndRequested(ctx.tenant().id(), now.id(), ctx.turn().id(), reason));
            default -> {
            }
        }
        if (!withAi) {
            log.info("conversation {} is {} now; the turn ends without changing it", now.id(), now.status().wireName());
        }
    }

    private static String status(Ending ending) {
        return switch (ending) {
            case ANSWERED -> "answered";
            case HANDED_OFF -> "handed_off";
            case CONVERSATION_ENDED, CALL_ENDED -> "ended";
            case REFUSED -> "refused";
            case CANCELLED, NOTHING_TO_ANSWER -> "cancelled";
            case FAILED -> "failed";
        };
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
