package dev.switchboard.voice.twilio;

import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.voice.config.VoiceSettings;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A tenant's Twilio credentials: the account SID from its voice settings and the secret {@code twilio_auth_token}. */
@Component
class TwilioAccounts {

    static final String AUTH_TOKEN = "twilio_auth_token";

    private final TenantSecrets secrets;

    TwilioAccounts(TenantSecrets secrets) {
        this.secrets = secrets;
    }

    Optional<String> authToken(TenantDefinition tenant) {
        return TenantScope.within(tenant.id(), () -> secrets.reveal(tenant.id(), AUTH_TOKEN));
    }

    /** Credentials for the REST API; empty without an account SID or an auth token. */
    Optional<TwilioRest.Account> account(TenantDefinition tenant, VoiceSettings settings) {
        if (settings.accountSid() == null) {
            return Optional.empty();
        }
        return authToken(tenant).map(token -> new TwilioRest.Account(settings.twilioBaseUrl(), settings.accountSid(), token));
    }
}
