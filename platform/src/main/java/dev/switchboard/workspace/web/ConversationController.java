package dev.switchboard.workspace.web;

import dev.switchboard.shared.InvalidRequest;
import dev.switchboard.shared.NotFound;
import dev.switchboard.workspace.audit.AuditTrail;
import dev.switchboard.workspace.handling.ConversationHandling;
import dev.switchboard.workspace.handling.ConversationHeld;
import dev.switchboard.workspace.inbox.ConversationSummary;
import dev.switchboard.workspace.inbox.Inbox;
import dev.switchboard.workspace.inbox.InboxFilter;
import dev.switchboard.workspace.inbox.MessageView;
import dev.switchboard.workspace.inbox.Page;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Screen 01's API: the conversation list, one conversation with its contact panel and thread, and the actions. */
@RestController
@RequestMapping("/api/v1/tenants/{slug}/conversations")
@PreAuthorize("hasAuthority('tenant:agent')")
class ConversationController {

    private final Inbox inbox;
    private final AuditTrail audit;
    private final ConversationHandling handling;

    ConversationController(Inbox inbox, AuditTrail audit, ConversationHandling handling) {
        this.inbox = inbox;
        this.audit = audit;
        this.handling = handling;
    }

    /**
     * @param status active (default) or inactive; view all (default), mine, unassigned or ai; channel webchat,
     *               whatsapp or voice; q words searched in the messages and the contact's name
     */
    @GetMapping
    Page<ConversationSummary> list(@RequestParam(required = false) String status,
                                   @RequestParam(required = false) String view,
                                   @RequestParam(required = false) String channel,
                                   @RequestParam(required = false) String q,
                                   @RequestParam(required = false) String cursor,
                                   @RequestParam(required = false) Integer limit) {
        return inbox.list(InboxFilter.parse(status, view, channel, q, cursor, limit), Caller.current().id());
    }

    /** How many active conversations each view holds. */
    @GetMapping("/counts")
    Map<String, Long> counts() {
        return inbox.counts(Caller.current().id());
    }

    @GetMapping("/{conversationId}")
    ConversationDetail show(@PathVariable UUID conversationId) {
        ConversationSummary summary = inbox.summary(conversationId).orElseThrow(() -> new NotFound("conversation"));
        Map<UUID, String> names = inbox.names();
        return new ConversationDetail(summary, inbox.contactOf(conversationId).orElseThrow(),
                audit.of(conversationId).stream().map(e -> ConversationDetail.AuditView.of(e, names)).toList());
    }

    /** Newest first by pages: {@code before} is the {@code next} of the previous page (a message seq). */
    @GetMapping("/{conversationId}/messages")
    Page<MessageView> messages(@PathVariable UUID conversationId, @RequestParam(required = false) Long before,
                               @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 200) {
            throw InvalidRequest.field("limit", "must be between 1 and 200");
        }
        inbox.summary(conversationId).orElseThrow(() -> new NotFound("conversation"));
        return inbox.messages(conversationId, before, limit);
    }

    /** A reply to the customer, or with {@code note: true} a private note for agents. */
    @PostMapping("/{conversationId}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    MessageView post(@PathVariable UUID conversationId, @RequestBody Compose body) {
        Caller caller = Caller.current();
        var message = Boolean.TRUE.equals(body.note()) ? handling.note(conversationId, caller.id(), body.text())
                : handling.reply(conversationId, caller.id(), body.text());
        return inbox.message(message.id()).orElseThrow();
    }

    @PostMapping("/{conversationId}/take")
    ConversationDetail take(@PathVariable UUID conversationId) {
        handling.take(conversationId, Caller.current().id());
        return show(conversationId);
    }

    @PostMapping("/{conversationId}/reassign")
    ConversationDetail reassign(@PathVariable UUID conversationId, @RequestBody Reassign body) {
        Caller caller = Caller.current();
        handling.reassign(conversationId, caller.id(), caller.supervisor(), body.assigneeId());
        return show(conversationId);
    }

    @PostMapping("/{conversationId}/return-to-ai")
    ConversationDetail returnToAi(@PathVariable UUID conversationId) {
        Caller caller = Caller.current();
        handling.returnToAi(conversationId, caller.id(), caller.supervisor());
        return show(conversationId);
    }

    @PostMapping("/{conversationId}/close")
    ConversationDetail close(@PathVariable UUID conversationId, @RequestBody(required = false) Close body) {
        Caller caller = Caller.current();
        handling.close(conversationId, caller.id(), caller.supervisor(), body == null ? null : body.reason());
        return show(conversationId);
    }

    /** A lost race names the winner, so the dashboard can say who has the conversation now. */
    @ExceptionHandler(ConversationHeld.class)
    ProblemDetail held(ConversationHeld e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflict");
        problem.setProperty("code", e.code());
        problem.setProperty("holder", Map.of("id", e.holder().id(), "name",
                e.holder().name() == null ? "" : e.holder().name()));
        return problem;
    }

    /** {@code note} absent or false: a reply to the customer. */
    record Compose(String text, Boolean note) {
    }

    record Reassign(UUID assigneeId) {
    }

    record Close(String reason) {
    }
}
