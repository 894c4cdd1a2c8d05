package dev.switchboard.workspace.handling;

import dev.switchboard.shared.Conflict;
import dev.switchboard.workspace.inbox.Person;

/** Someone else holds the conversation (or was offered it): the caller lost the race or never had it. */
public class ConversationHeld extends Conflict {

    private final Person holder;

    ConversationHeld(Person holder, boolean offered) {
        super("conversation_held", (holder.name() == null ? "another agent" : holder.name())
                + (offered ? " was offered this conversation" : " already holds this conversation"));
        this.holder = holder;
    }

    public Person holder() {
        return holder;
    }
}
