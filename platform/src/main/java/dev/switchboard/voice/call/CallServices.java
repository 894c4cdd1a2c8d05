package dev.switchboard.voice.call;

import dev.switchboard.agent.AgentTurns;
import dev.switchboard.conversation.ConversationStatus;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.conversation.Messages;
import dev.switchboard.conversation.NewMessage;
import dev.switchboard.conversation.Outbound;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.voice.CallEnded;
import dev.switchboard.voice.CallStarted;
import dev.switchboard.voice.config.VoiceProperties;
import dev.switchboard.voice.record.FileRecordings;
import dev.switchboard.voice.record.RecordingStore;
import dev.switchboard.voice.record.StereoRecorder;
import dev.switchboard.voice.store.CallRecord;
import dev.switchboard.voice.store.CallTranscripts;
import dev.switchboard.voice.store.Calls;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every call session uses, and the bookkeeping at its two ends: when it starts (the call is answered, the
 * greeting is stored as the agent's first message) and when it ends (recording kept, call record closed once,
 * conversation closed unless it waits for a human, {@link CallEnded} published).
 */
record CallServices(AgentTurns turns, Messages messages, Outbound outbound, Conversations conversations, Calls calls,
                    CallTranscripts transcripts, VoiceMetrics metrics, CallSpeech speech, CallTransfer transfer,
                    ScheduledExecutorService timers, VoiceProperties properties, RecordingStore store,
                    FileRecordings liveFolder, TransactionTemplate tx, ApplicationEventPublisher events,
                    Consumer<CallSession> onEnded) {

    private static final Logger log = LoggerFactory.getLogger(CallServices.class);

    Path recordingFile(String key) {
        return liveFolder.live(key);
    }

    void started(CallSession session, CallRecord call, String greeting) {
        metrics.callStarted();
        TenantScope.run(call.tenantId(), () -> tx.executeWithoutResult(s -> {
            calls.markAnswered(call.id());
            ObjectNode content = JsonNodeFactory.instance.objectNode().put("spokenOnCall", true).put("callId", call.id().toString());
            outbound.send(call.conversationId(), new NewMessage(MessageRole.AI, "text", greeting, content, null, null, null));
            events.publishEvent(new CallStarted(call.tenantId(), call.id(), call.conversationId(), call.direction(),
                    call.voiceAgent()));
        }));
    }

    void ended(CallSession session, CallRecord call, String recordingKey, StereoRecorder recorder, String reason) {
        try {
            String key = store.keep(recordingKey, recorder.file());
            TenantScope.run(call.tenantId(), () -> tx.executeWithoutResult(s -> {
                calls.recording(call.id(), key, recorder.bytes());
                if (calls.end(call.id(), "completed", reason, null)) {
                    CallRecord ended = calls.find(call.id()).orElseThrow();
                    events.publishEvent(new CallEnded(call.tenantId(), call.id(), call.conversationId(), call.direction(),
                            ended.outcome(), call.campaign(), ended.durationSeconds(), ended.billableMinutes()));
                }
                var conversation = conversations.get(call.conversationId());
                if (conversation.status() == ConversationStatus.ACTIVE) {
                    conversations.close(conversation.id(), "call_ended");
                }
            }));
        } catch (RuntimeException e) {
            log.error("call {}: closing its records failed", call.id(), e);
        } finally {
            metrics.callEnded(reason);
            onEnded.accept(session);
        }
    }

    JsonNode toolDetail(JsonNode toolCall) {
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        detail.set("arguments", toolCall.path("arguments"));
        detail.put("status", toolCall.path("status").asString(null));
        detail.put("result", toolCall.path("result").asString(null));
        detail.put("latencyMs", toolCall.path("latencyMs").isNumber() ? toolCall.path("latencyMs").asLong() : null);
        return detail;
    }
}
