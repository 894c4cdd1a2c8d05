package dev.switchboard.workspace.web;

import dev.switchboard.workspace.audit.AuditEntry;
import dev.switchboard.workspace.inbox.ContactCard;
import dev.switchboard.workspace.inbox.ConversationSummary;
import dev.switchboard.workspace.inbox.Person;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One conversation with its contact panel: identity, state, holder and the audit trail, oldest first. */
record ConversationDetail(ConversationSummary conversation, ContactCard contact, List<AuditView> audit) {

    /** An audit entry with names; {@code actor} null means the platform acted (the AI, automatic assignment). */
    record AuditView(long id, String change, String from, String to, String owner, Person assignee, Person actor,
                     String reason, Instant at) {

        static AuditView of(AuditEntry entry, Map<UUID, String> names) {
            return new AuditView(entry.id(), entry.change(), entry.fromStatus(), entry.toStatus(), entry.owner(),
                    person(entry.assignee(), names), person(entry.actorId(), names), entry.reason(), entry.at());
        }

        private static Person person(UUID id, Map<UUID, String> names) {
            return id == null ? null : new Person(id, names.get(id));
        }
    }
}
