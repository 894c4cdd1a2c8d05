package dev.switchboard.voice.twilio;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.Contacts;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.voice.call.CallSession;
import dev.switchboard.voice.config.Availability;
import dev.switchboard.voice.config.VoiceAgent;
import dev.switchboard.voice.config.VoiceAgents;
import dev.switchboard.voice.config.VoiceSettings;
import dev.switchboard.voice.store.CallRecord;
import dev.switchboard.voice.store.Calls;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides what a call that reaches the voice webhook gets: the media stream with a call token (the agent, or a
 * voicemail outside hours), a message, a transfer, or a rejection. Runs inside the tenant's scope, after the
 * signature check. A redelivered webhook finds the call it created first.
 */
@Service
class CallAnswering {

    private final VoiceAgents voiceAgents;
    private final Calls calls;
    private final Contacts contacts;
    private final Conversations conversations;
    private final CallTokens tokens;

    CallAnswering(VoiceAgents voiceAgents, Calls calls, Contacts contacts, Conversations conversations, CallTokens tokens) {
        this.voiceAgents = voiceAgents;
        this.calls = calls;
        this.contacts = contacts;
        this.conversations = conversations;
        this.tokens = tokens;
    }

    @Transactional
    public String answer(TenantDefinition tenant, SignedWebhook hook, String streamUrl) {
        VoiceSettings settings = voiceAgents.of(tenant);
        String callSid = hook.param("CallSid");
        if (!settings.enabled() || callSid == null) {
            return TwiML.reject();
        }
        if (hook.param("Direction") != null && hook.param("Direction").startsWith("outbound")) {
            return answerOutbound(settings, hook, streamUrl);
        }
        String from = hook.params().getOrDefault("From", "unknown");
        String to = hook.params().getOrDefault("To", "");
        Optional<VoiceAgent> agent = settings.agentFor(to).filter(VoiceAgent::inbound);
        if (agent.isEmpty()) {
            return TwiML.reject();
        }
        VoiceAgent a = agent.get();
        var contact = contacts.contactFor(Channel.VOICE, from, hook.param("CallerName"));
        var conversation = conversations.openFor(contact, Channel.VOICE, from, Duration.ofMinutes(30)).conversation();
        CallRecord call = calls.create(tenant.id(), callSid, "inbound", from, to, a.name(), null, null, conversation.id(), "ringing");
        if (a.availability().openAt(ZonedDateTime.now(), tenant.timezone())) {
            return stream(tenant, call, CallSession.Mode.AGENT, streamUrl);
        }
        return outsideHours(tenant, a, call, conversation.id(), streamUrl);
    }

    private String outsideHours(TenantDefinition tenant, VoiceAgent agent, CallRecord call,
                                java.util.UUID conversationId, String streamUrl) {
        Availability hours = agent.availability();
        String message = VoiceAgent.text(hours.message(), agent.language(), "We are closed right now. Please call again later.");
        return switch (hours.outside()) {
            case VOICEMAIL -> {
                conversations.requestHandoff(conversationId, "voicemail");
                calls.setOutcome(call.id(), "voicemail", "outside hours");
                yield stream(tenant, call, CallSession.Mode.VOICEMAIL, streamUrl);
            }
            case TRANSFER -> {
                calls.setOutcome(call.id(), "transferred", "outside hours");
                calls.end(call.id(), "transferred", "outside hours", 0);
                yield TwiML.dial(null, agent.language(), hours.transferTo());
            }
            case MESSAGE -> {
                calls.end(call.id(), "completed", "outside hours", 0);
                yield TwiML.sayAndHangUp(message, agent.language());
            }
        };
    }

    private String answerOutbound(VoiceSettings settings, SignedWebhook hook, String streamUrl) {
        Optional<CallRecord> placed = calls.findBySid(hook.param("CallSid"));
        if (placed.isEmpty() || placed.get().ended()) {
            return TwiML.reject();
        }
        CallRecord call = placed.get();
        String answeredBy = hook.param("AnsweredBy");
        calls.advanceStatus(call.id(), "in-progress", answeredBy);
        if (answeredBy != null && (answeredBy.startsWith("machine") || answeredBy.equals("fax"))) {
            calls.setOutcome(call.id(), "voicemail", "answered by " + answeredBy);
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>";
        }
        return stream(null, call, CallSession.Mode.AGENT, streamUrl);
    }

    private String stream(TenantDefinition tenant, CallRecord call, CallSession.Mode mode, String streamUrl) {
        String token = tokens.issue(new CallTokens.Claims(call.tenantId(), call.id(), call.callSid(), mode.name().toLowerCase()));
        return TwiML.connectStream(streamUrl, Map.of("token", token));
    }
}
