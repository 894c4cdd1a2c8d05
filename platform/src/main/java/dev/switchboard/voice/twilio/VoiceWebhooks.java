package dev.switchboard.voice.twilio;

import dev.switchboard.shared.Forbidden;
import dev.switchboard.shared.NotFound;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.Tenants;
import dev.switchboard.voice.config.VoiceAgents;
import dev.switchboard.voice.config.VoiceProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's voice webhooks for one tenant: {@code /voice} (a call arrives or an outbound call is answered) answers
 * TwiML, {@code /status} takes call status callbacks. The tenant is the path's, but nothing happens until the
 * signature verifies with that tenant's auth token (and the account matches, when the tenant names one).
 */
@RestController
class VoiceWebhooks {

    private final Tenants tenants;
    private final TwilioAccounts accounts;
    private final VoiceAgents voiceAgents;
    private final VoiceProperties properties;
    private final CallAnswering answering;
    private final StatusCallbacks statuses;

    VoiceWebhooks(Tenants tenants, TwilioAccounts accounts, VoiceAgents voiceAgents, VoiceProperties properties,
                  CallAnswering answering, StatusCallbacks statuses) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.voiceAgents = voiceAgents;
        this.properties = properties;
        this.answering = answering;
        this.statuses = statuses;
    }

    @PostMapping(path = "/webhooks/twilio/{slug}/voice", produces = MediaType.TEXT_XML_VALUE)
    ResponseEntity<String> voice(@PathVariable String slug, HttpServletRequest request) {
        TenantDefinition tenant = tenants.find(slug).orElseThrow(() -> new NotFound("tenant"));
        SignedWebhook hook = verified(tenant, SignedWebhook.read(request, properties));
        String base = SignedWebhook.baseUrl(request, properties);
        String streamUrl = base.replaceFirst("^http", "ws") + "/ws/twilio/media";
        String twiml = TenantScope.call(tenant.id(), () -> answering.answer(tenant, hook, streamUrl));
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(twiml);
    }

    @PostMapping("/webhooks/twilio/{slug}/status")
    ResponseEntity<Void> status(@PathVariable String slug, HttpServletRequest request) {
        TenantDefinition tenant = tenants.find(slug).orElseThrow(() -> new NotFound("tenant"));
        SignedWebhook hook = verified(tenant, SignedWebhook.read(request, properties));
        TenantScope.run(tenant.id(), () -> statuses.apply(tenant.id(), hook));
        return ResponseEntity.noContent().build();
    }

    private SignedWebhook verified(TenantDefinition tenant, SignedWebhook hook) {
        String token = accounts.authToken(tenant).orElseThrow(() -> new Forbidden("no Twilio auth token for this tenant"));
        if (!hook.validFor(token)) {
            throw new Forbidden("invalid Twilio signature");
        }
        String account = voiceAgents.of(tenant).accountSid();
        if (account != null && hook.param("AccountSid") != null && !account.equals(hook.param("AccountSid"))) {
            throw new Forbidden("webhook from another Twilio account");
        }
        return hook;
    }
}
