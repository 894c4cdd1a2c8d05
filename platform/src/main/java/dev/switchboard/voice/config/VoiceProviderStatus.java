package dev.switchboard.voice.config;

import dev.switchboard.shared.ProviderStatus;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Says which speech and telephony providers calls use: live Deepgram / ElevenLabs when the operator set keys
 * (tenants with their own keys run live either way), else the offline stand-ins; Twilio is live only when Twilio
 * can reach the platform, i.e. a public URL is set.
 */
@Component
class VoiceProviderStatus implements ProviderStatus {

    private final VoiceProperties properties;

    VoiceProviderStatus(VoiceProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<Mode> modes() {
        Mode stt = properties.hasDeepgramKey()
                ? new Mode("speech to text", true, "Deepgram at " + properties.deepgramBaseUrl())
                : new Mode("speech to text", false, "pocketsphinx offline stand-in with a grammar of each tenant's phrases "
                        + "(tenants with a deepgram_api_key secret use Deepgram)");
        Mode tts = properties.hasElevenLabsKey()
                ? new Mode("text to speech", true, "ElevenLabs at " + properties.elevenlabsBaseUrl())
                : new Mode("text to speech", false, "flite offline stand-in (tenants with an elevenlabs_api_key secret use ElevenLabs)");
        Mode telephony = properties.publicUrl() != null && !properties.publicUrl().contains("localhost")
                && !properties.publicUrl().contains("127.0.0.1")
                ? new Mode("telephony", true, "Twilio (webhooks at " + properties.publicUrl() + "/webhooks/twilio/{tenant}/voice, REST at "
                        + properties.twilioBaseUrl() + ")")
                : new Mode("telephony", false, "no public URL for Twilio to reach: ./switchboard call plays a Twilio caller locally");
        return List.of(stt, tts, telephony);
    }
}
