package dev.switchboard.tenant.web;

import dev.switchboard.shared.InvalidRequest;
import dev.switchboard.shared.NotFound;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantSecrets;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Write-only secrets: names and dates can be listed, values never come back. */
@RestController
@RequestMapping("/api/v1/tenants/{slug}/secrets")
@PreAuthorize("hasAuthority('tenant:admin')")
class TenantSecretsController {

    private static final String NAME = "[a-z0-9_.-]{1,64}";

    private final TenantSecrets secrets;

    TenantSecretsController(TenantSecrets secrets) {
        this.secrets = secrets;
    }

    @GetMapping
    List<TenantSecrets.SecretInfo> list() {
        return secrets.list(TenantScope.requireTenant());
    }

    @PutMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void store(@PathVariable String name, @Valid @RequestBody SecretValue body) {
        if (!name.matches(NAME)) {
            throw InvalidRequest.field("name", "must match " + NAME);
        }
        secrets.store(TenantScope.requireTenant(), name, body.value(), TenantScope.currentUser().orElse(null));
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name) {
        if (!secrets.delete(TenantScope.requireTenant(), name)) {
            throw new NotFound("secret");
        }
    }

    /** The value is redacted from toString so it can never reach a log line through this record. */
    record SecretValue(@NotBlank @Size(max = 8192) String value) {
        @Override
        public String toString() {
            return "SecretValue[value=***]";
        }
    }
}
