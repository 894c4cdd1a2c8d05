package dev.switchboard.workspace.canned;

import dev.switchboard.shared.TenantScope;
import dev.switchboard.workspace.CannedReplies;
import dev.switchboard.workspace.CannedReply;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Agents read canned replies; admins and owners write them. */
@RestController
@RequestMapping("/api/v1/tenants/{slug}/canned-replies")
class CannedReplyController {

    private final CannedReplies replies;

    CannedReplyController(CannedReplies replies) {
        this.replies = replies;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('tenant:agent')")
    List<CannedReply> list() {
        return replies.list();
    }

    @PostMapping
    @PreAuthorize("hasAuthority('tenant:admin')")
    @ResponseStatus(HttpStatus.CREATED)
    CannedReply create(@RequestBody CannedReply.Draft draft) {
        return replies.create(draft, TenantScope.currentUser().orElse(null));
    }

    @PutMapping("/{cannedReplyId}")
    @PreAuthorize("hasAuthority('tenant:admin')")
    CannedReply update(@PathVariable UUID cannedReplyId, @RequestBody CannedReply.Draft draft) {
        return replies.update(cannedReplyId, draft, TenantScope.currentUser().orElse(null));
    }

    @DeleteMapping("/{cannedReplyId}")
    @PreAuthorize("hasAuthority('tenant:admin')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID cannedReplyId) {
        replies.delete(cannedReplyId);
    }
}
