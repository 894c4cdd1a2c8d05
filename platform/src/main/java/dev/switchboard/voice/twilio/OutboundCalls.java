package dev.switchboard.voice.twilio;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.Contacts;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.shared.InvalidRequest;
import dev.switchboard.shared.NotFound;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.shared.TooManyRequests;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.Tenants;
import dev.switchboard.voice.VoiceCalls;
import dev.switchboard.voice.config.VoiceAgent;
import dev.switchboard.voice.config.VoiceAgents;
import dev.switchboard.voice.config.VoiceProperties;
import dev.switchboard.voice.config.VoiceSettings;
import dev.switchboard.voice.store.CallRecord;
import dev.switchboard.voice.store.Calls;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Places outbound calls through Twilio's Calls API. The call record (and its conversation) is written first, under
 * the tenant's concurrency limit, then Twilio is asked to dial with answering-machine detection; Twilio calls the
 * voice webhook when someone (or something) answers, and reports progress to the status callback.
 */
@Service
class OutboundCalls implements VoiceCalls {

    private static final Logger log = LoggerFactory.getLogger(OutboundCalls.class);

    private final Tenants tenants;
    private final VoiceAgents voiceAgents;
    private final TwilioAccounts accounts;
    private final TwilioRest rest;
    private final Calls calls;
    private final Contacts contacts;
    private final Conversations conversations;
    private final TransactionTemplate tx;
    private final VoiceProperties properties;
    private final Environment environment;

    OutboundCalls(Tenants tenants, VoiceAgents voiceAgents, TwilioAccounts accounts, TwilioRest rest, Calls calls,
                  Contacts contacts, Conversations conversations, TransactionTemplate tx, VoiceProperties properties,
                  Environment environment) {
        this.tenants = tenants;
        this.voiceAgents = voiceAgents;
        this.accounts = accounts;
        this.rest = rest;
        this.calls = calls;
        this.contacts = contacts;
        this.conversations = conversations;
        this.tx = tx;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public UUID place(String to, String agentName, String campaign, Map<String, String> context) {
        TenantDefinition tenant = tenants.find(TenantScope.requireTenant()).orElseThrow(() -> new NotFound("tenant"));
        VoiceSettings settings = voiceAgents.of(tenant);
        VoiceAgent agent = settings.agent(agentName).orElseThrow(() -> new NotFound("voice agent"));
        if (to == null || !to.matches("^\\+[1-9][0-9]{6,14}$")) {
            throw InvalidRequest.field("to", "must be an E.164 number such as +34911234567");
        }
        if (!settings.enabled() || !agent.outbound() || agent.numbers().isEmpty()) {
            throw InvalidRequest.field("agent", "voice agent " + agent.name() + " does not place outbound calls (or has no number)");
        }
        var account = accounts.account(tenant, settings)
                .orElseThrow(() -> InvalidRequest.field("twilio", "the tenant has no Twilio account SID and auth token"));
        CallRecord call = tx.execute(s -> {
            if (calls.lockAndCountLiveOutbound(tenant.id()) >= settings.maxConcurrentOutbound()) {
                throw new TooManyRequests("the tenant already has " + settings.maxConcurrentOutbound()
                        + " outbound calls in progress", Duration.ofSeconds(30));
            }
            var contact = contacts.contactFor(Channel.VOICE, to, context == null ? null : context.get("name"));
            var conversation = conversations.openFor(contact, Channel.VOICE, to, Duration.ofMinutes(30)).conversation();
            String json = JsonMapper.builder().build().writeValueAsString(context == null ? Map.of() : context);
            return calls.create(tenant.id(), null, "outbound", agent.numbers().getFirst(), to, agent.name(), campaign,
                    json, conversation.id(), "queued");
        });
        dial(tenant, account, agent, call);
        return call.id();
    }

    private void dial(TenantDefinition tenant, TwilioRest.Account account, VoiceAgent agent, CallRecord call) {
        String base = baseUrl() + "/webhooks/twilio/" + tenant.slug();
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("To", List.of(call.to()));
        form.put("From", List.of(call.from()));
        form.put("Url", List.of(base + "/voice"));
        form.put("Method", List.of("POST"));
        form.put("StatusCallback", List.of(base + "/status"));
        form.put("StatusCallbackMethod", List.of("POST"));
        form.put("StatusCallbackEvent", List.of("initiated", "ringing", "answered", "completed"));
        form.put("MachineDetection", List.of("Enable"));
        form.put("Timeout", List.of("30"));
        form.put("TimeLimit", List.of(String.valueOf(agent.maxCallLength().toSeconds())));
        try {
            var created = rest.createCall(account, form);
            TenantScope.run(tenant.id(), () -> calls.attach(call.id(), created.path("sid").asString(null), null));
        } catch (TwilioRefused e) {
            log.warn("tenant {}: Twilio refused outbound call {}: {}", tenant.slug(), call.id(), e.getMessage());
            TenantScope.run(tenant.id(), () -> calls.end(call.id(), "failed", e.getMessage(), 0));
        }
    }

    private String baseUrl() {
        return properties.publicUrl() != null ? properties.publicUrl()
                : "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
