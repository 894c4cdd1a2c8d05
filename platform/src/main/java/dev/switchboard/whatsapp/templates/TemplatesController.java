package dev.switchboard.whatsapp.templates;

import dev.switchboard.shared.Conflict;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.whatsapp.MessageTemplate;
import dev.switchboard.whatsapp.WhatsAppNotConfigured;
import dev.switchboard.whatsapp.WhatsAppRefusedMessage;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's approved WhatsApp templates, for the campaign screen and the workspace. */
@RestController
@PreAuthorize("hasAuthority('tenant:agent')")
class TemplatesController {

    private final TemplateCatalog catalog;

    TemplatesController(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    /** {@code refresh=true} reads Meta's list again instead of the cached one. */
    @GetMapping("/api/v1/tenants/{slug}/whatsapp/templates")
    List<MessageTemplate> templates(@RequestParam(defaultValue = "false") boolean refresh) {
        try {
            return refresh ? catalog.refresh(TenantScope.requireTenant()) : catalog.approved(TenantScope.requireTenant());
        } catch (WhatsAppNotConfigured e) {
            throw new Conflict("whatsapp_not_configured", e.getMessage());
        }
    }

    @ExceptionHandler(WhatsAppRefusedMessage.class)
    ResponseEntity<ProblemDetail> refused(WhatsAppRefusedMessage e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                "the Graph API refused the template listing: " + e.getMessage());
        problem.setTitle("WhatsApp templates unavailable");
        problem.setProperty("code", e.code());
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
    }
}
