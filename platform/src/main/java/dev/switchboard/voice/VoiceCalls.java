package dev.switchboard.voice;

import java.util.Map;
import java.util.UUID;

/** Places outbound calls for the current tenant scope (the campaigns module dials through this). */
public interface VoiceCalls {

    /**
     * Asks Twilio to call {@code to} with the tenant's voice agent; the call record exists (queued) when this
     * returns. Fails with {@code TooManyRequests} when the tenant's concurrent outbound calls are at their limit.
     *
     * @param agent    a voice agent name, or null for the tenant's default
     * @param campaign an optional campaign reference stored on the call
     * @param context  per-call facts for the agent (customer name, reason for the call...)
     */
    UUID place(String to, String agent, String campaign, Map<String, String> context);
}
