package dev.switchboard.workspace;

import java.util.List;
import java.util.UUID;

/** The canned replies of the current tenant scope. */
public interface CannedReplies {

    List<CannedReply> list();

    /** Fails with {@code InvalidRequest} naming the field, or {@code Conflict} when the shortcut is taken. */
    CannedReply create(CannedReply.Draft draft, UUID actor);

    CannedReply update(UUID id, CannedReply.Draft draft, UUID actor);

    void delete(UUID id);
}
