package dev.switchboard.voice.call;

import dev.switchboard.agent.AgentTurns;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Messages;
import dev.switchboard.conversation.Outbound;
import dev.switchboard.shared.SwitchboardHome;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.Tenants;
import dev.switchboard.voice.config.VoiceAgent;
import dev.switchboard.voice.config.VoiceAgents;
import dev.switchboard.voice.config.VoiceProperties;
import dev.switchboard.voice.config.VoiceSettings;
import dev.switchboard.voice.record.FileRecordings;
import dev.switchboard.voice.record.RecordingStore;
import dev.switchboard.voice.record.S3Recordings;
import dev.switchboard.voice.store.CallRecord;
import dev.switchboard.voice.store.CallTranscripts;
import dev.switchboard.voice.store.Calls;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calls this node is carrying. A call's stream can be opened once: a second stream presenting the same call's
 * token is refused, as is a stream for a call that already ended.
 */
@Component
public class LiveCalls {

    private final Map<UUID, CallSession> byCall = new ConcurrentHashMap<>();
    private final Map<UUID, CallSession> byConversation = new ConcurrentHashMap<>();
    private final Tenants tenants;
    private final VoiceAgents voiceAgents;
    private final Calls calls;
    private final CallServices services;
    private final RecordingStore store;

    LiveCalls(Tenants tenants, VoiceAgents voiceAgents, Calls calls, CallTranscripts transcripts, AgentTurns turns,
              Messages messages, Outbound outbound, Conversations conversations, VoiceMetrics metrics, CallSpeech speech,
              CallTransfer transfer, VoiceProperties properties, SwitchboardHome home, TransactionTemplate tx,
              ApplicationEventPublisher events) {
        this.tenants = tenants;
        this.voiceAgents = voiceAgents;
        this.calls = calls;
        FileRecordings files = new FileRecordings(home.resolve("recordings"));
        VoiceProperties.Recordings r = properties.recordings();
        this.store = r.s3() ? new S3Recordings(r.s3Endpoint(), r.s3Bucket(), r.s3Region(), r.s3AccessKey(), r.s3SecretKey())
                : files;
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, Thread.ofPlatform().daemon().name("call-timers").factory());
        this.services = new CallServices(turns, messages, outbound, conversations, calls, transcripts, metrics, speech,
                transfer, timers, properties, store, files, tx, events, this::ended);
    }

    /**
     * A session for the call a verified token names, unless it is live already or over. The lookups run outside
     * any lock (a busy node opens many calls at once); claiming the call is one atomic insert.
     */
    public Optional<CallSession> open(UUID tenantId, UUID callId, CallSession.Mode mode) {
        if (byCall.containsKey(callId)) {
            return Optional.empty();
        }
        Optional<TenantDefinition> tenant = tenants.find(tenantId);
        Optional<CallRecord> call = tenant.flatMap(t -> TenantScope.call(tenantId, () -> calls.find(callId)));
        if (tenant.isEmpty() || call.isEmpty() || call.get().ended() || call.get().conversationId() == null) {
            return Optional.empty();
        }
        VoiceSettings settings = voiceAgents.of(tenant.get());
        VoiceAgent agent = settings.agent(call.get().voiceAgent()).orElseGet(() -> settings.defaultVoiceAgent().orElseThrow());
        CallSession session = new CallSession(services, tenant.get(), settings, agent, call.get(), mode);
        if (byCall.putIfAbsent(callId, session) != null) {
            session.abandon();
            return Optional.empty();
        }
        byConversation.put(call.get().conversationId(), session);
        return Optional.of(session);
    }

    public Optional<CallSession> forConversation(UUID conversationId) {
        return Optional.ofNullable(byConversation.get(conversationId));
    }

    public int count() {
        return byCall.size();
    }

    public RecordingStore recordings() {
        return store;
    }

    private void ended(CallSession session) {
        byCall.remove(session.callId(), session);
        byConversation.values().remove(session);
    }
}
