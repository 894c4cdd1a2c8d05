package dev.switchboard.voice.call;

import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.voice.config.VoiceSettings;

/** Moves a live call elsewhere through the telephony provider (implemented with Twilio's REST API). */
public interface CallTransfer {

    /** Whether the tenant's account can be asked to transfer at all (credentials present). */
    boolean available(TenantDefinition tenant, VoiceSettings settings);

    /** Redirects the call to {@code number}; the media stream then ends. False when the provider refused. */
    boolean transfer(TenantDefinition tenant, VoiceSettings settings, String callSid, String number, String language);
}
