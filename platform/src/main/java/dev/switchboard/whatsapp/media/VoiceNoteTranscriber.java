package dev.switchboard.whatsapp.media;

import java.util.Optional;
import java.util.UUID;

/** Speech to text for recorded audio (WhatsApp voice notes); empty when the tenant has no provider or it failed. */
interface VoiceNoteTranscriber {

    Optional<String> transcribe(UUID tenantId, byte[] audio, String mimeType, String language);
}
