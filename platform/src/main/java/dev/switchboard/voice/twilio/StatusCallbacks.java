package dev.switchboard.voice.twilio;

import dev.switchboard.voice.CallEnded;
import dev.switchboard.voice.store.CallRecord;
import dev.switchboard.voice.store.Calls;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies Twilio's call status callbacks. Each (CallSid, CallStatus, SequenceNumber) is applied once; statuses
 * only move forward; a terminal status ends a call the media stream did not end (no answer, busy, failed).
 */
@Service
class StatusCallbacks {

    private final Calls calls;
    private final ApplicationEventPublisher events;

    StatusCallbacks(Calls calls, ApplicationEventPublisher events) {
        this.calls = calls;
        this.events = events;
    }

    @Transactional
    public void apply(UUID tenantId, SignedWebhook hook) {
        String sid = hook.param("CallSid");
        String status = hook.param("CallStatus");
        if (sid == null || status == null) {
            return;
        }
        String sequence = hook.params().getOrDefault("SequenceNumber", "-");
        Optional<CallRecord> call = calls.findBySid(sid);
        if (call.isEmpty() || !calls.firstCallback(tenantId, sid, status, sequence)) {
            return;
        }
        calls.advanceStatus(call.get().id(), status, hook.param("AnsweredBy"));
        String outcome = switch (status) {
            case "completed" -> "completed";
            case "busy" -> "busy";
            case "no-answer" -> "no-answer";
            case "failed", "canceled" -> "failed";
            default -> null;
        };
        if (outcome == null) {
            return;
        }
        Integer duration = parse(hook.param("CallDuration"));
        if (calls.end(call.get().id(), outcome, "twilio: " + status, duration)) {
            CallRecord ended = calls.find(call.get().id()).orElseThrow();
            events.publishEvent(new CallEnded(tenantId, ended.id(), ended.conversationId(), ended.direction(),
                    ended.outcome(), ended.campaign(), ended.durationSeconds(), ended.billableMinutes()));
        } else if (duration != null && status.equals("completed")) {
            calls.settleDuration(call.get().id(), duration);
        }
    }

    private static Integer parse(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
