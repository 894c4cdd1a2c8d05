package dev.switchboard.voice.web;

import dev.switchboard.shared.InvalidRequest;
import dev.switchboard.shared.NotFound;
import dev.switchboard.voice.VoiceCalls;
import dev.switchboard.voice.store.CallQuery;
import dev.switchboard.voice.store.CallRecord;
import dev.switchboard.voice.store.CallTranscripts;
import dev.switchboard.voice.store.Calls;
import dev.switchboard.voice.store.TranscriptLine;
import dev.switchboard.voice.store.TurnLatency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The call log and each call's detail: transcript as heard, tool calls, per-turn latencies and their percentiles. */
@RestController
@RequestMapping("/api/v1/tenants/{slug}/calls")
@PreAuthorize("hasAuthority('tenant:agent')")
class CallsController {

    private final Calls calls;
    private final CallTranscripts transcripts;
    private final VoiceCalls voiceCalls;

    CallsController(Calls calls, CallTranscripts transcripts, VoiceCalls voiceCalls) {
        this.calls = calls;
        this.transcripts = transcripts;
        this.voiceCalls = voiceCalls;
    }

    record Page(List<CallRecord> items, String next) {
    }

    record Detail(CallRecord call, List<TranscriptLine> transcript, List<TurnLatency> turns,
                  Map<String, Map<String, Integer>> latency) {
    }

    record PlaceCall(@NotBlank @Size(max = 20) String to, @Size(max = 40) String agent, @Size(max = 120) String campaign,
                     @Size(max = 30) Map<String, String> context) {
    }

    @GetMapping
    Page list(@RequestParam(required = false) String direction, @RequestParam(required = false) String outcome,
              @RequestParam(required = false) String agent, @RequestParam(required = false) String campaign,
              @RequestParam(required = false) String number, @RequestParam(required = false) Instant since,
              @RequestParam(required = false) Instant until, @RequestParam(required = false) String cursor,
              @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 200) {
            throw InvalidRequest.field("limit", "must be between 1 and 200");
        }
        Instant beforeAt = null;
        UUID beforeId = null;
        if (cursor != null) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor)).split("\\|");
                beforeAt = Instant.parse(parts[0]);
                beforeId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw InvalidRequest.field("cursor", "not a cursor this API returned");
            }
        }
        List<CallRecord> items = calls.list(new CallQuery(direction, outcome, agent, campaign, number, since, until,
                beforeAt, beforeId, limit + 1));
        String next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            CallRecord last = items.getLast();
            next = Base64.getUrlEncoder().withoutPadding().encodeToString((last.startedAt() + "|" + last.id()).getBytes());
        }
        return new Page(items, next);
    }

    @GetMapping("/{callId}")
    Detail detail(@PathVariable("callId") UUID id) {
        CallRecord call = calls.find(id).orElseThrow(() -> new NotFound("call"));
        Map<String, Map<String, Integer>> latency = new java.util.LinkedHashMap<>();
        latency.putAll(Map.of("call", flatten(transcripts.percentiles(id, 0)), "tenant7d", flatten(transcripts.percentiles(null, 7))));
        return new Detail(call, transcripts.transcript(id), transcripts.turns(id), latency);
    }

    @GetMapping("/latency")
    Map<String, Map<String, Integer>> latency(@RequestParam(defaultValue = "7") int days) {
        return transcripts.percentiles(null, Math.max(1, Math.min(days, 90)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('tenant:admin')")
    CallRecord place(@Valid @RequestBody PlaceCall body) {
        UUID id = voiceCalls.place(body.to(), body.agent(), body.campaign(), body.context());
        return calls.find(id).orElseThrow();
    }

    private static Map<String, Integer> flatten(Map<String, Map<String, Integer>> percentiles) {
        Map<String, Integer> flat = new java.util.LinkedHashMap<>();
        percentiles.forEach((stage, values) -> values.forEach((k, v) -> flat.put(stage.replace("_ms", "") + "_" + k, v)));
        return flat;
    }
}
