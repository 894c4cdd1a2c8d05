package dev.switchboard.voice.call;

import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.voice.config.VoiceAgent;
import dev.switchboard.voice.config.VoiceProperties;
import dev.switchboard.voice.pipeline.pipeline.FrameProcessor;
import dev.switchboard.voice.pipeline.stt.deepgram.DeepgramSettings;
import dev.switchboard.voice.pipeline.stt.deepgram.DeepgramStt;
import dev.switchboard.voice.pipeline.stt.sphinx.SphinxSettings;
import dev.switchboard.voice.pipeline.stt.sphinx.SphinxStt;
import dev.switchboard.voice.pipeline.tts.elevenlabs.ElevenLabsSettings;
import dev.switchboard.voice.pipeline.tts.elevenlabs.ElevenLabsTts;
import dev.switchboard.voice.pipeline.tts.flite.FliteTts;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Chooses a call's speech services from its voice agent: Deepgram and ElevenLabs when a key is available, else
 * the offline stand-ins (pocketsphinx with a grammar of the tenant's phrases, flite). A tenant's own key wins; the
 * operator's key is used only with the operator's base URL, never sent to one a tenant directory chose.
 */
@Component
class CallSpeech {

    private final TenantSecrets secrets;
    private final VoiceProperties properties;

    CallSpeech(TenantSecrets secrets, VoiceProperties properties) {
        this.secrets = secrets;
        this.properties = properties;
    }

    FrameProcessor stt(TenantDefinition tenant, VoiceAgent agent) {
        VoiceAgent.Stt stt = agent.stt();
        Optional<String> key = key(tenant, "deepgram_api_key", stt.baseUrl(), properties.deepgramApiKey());
        if (!"pocketsphinx".equals(stt.provider()) && key.isPresent()) {
            String base = stt.baseUrl() != null ? stt.baseUrl() : properties.deepgramBaseUrl();
            return new DeepgramStt(DeepgramSettings.of(key.get()).withBaseUrl(URI.create(base)).withModel(stt.model())
                    .withLanguage(stt.language()));
        }
        return new SphinxStt(SphinxSettings.grammar(phrases(tenant, agent)));
    }

    FrameProcessor tts(TenantDefinition tenant, VoiceAgent agent) {
        VoiceAgent.Tts tts = agent.tts();
        Optional<String> key = key(tenant, "elevenlabs_api_key", tts.baseUrl(), properties.elevenlabsApiKey());
        if (!"flite".equals(tts.provider()) && key.isPresent()) {
            String base = tts.baseUrl() != null ? tts.baseUrl() : properties.elevenlabsBaseUrl();
            ElevenLabsSettings settings = ElevenLabsSettings.of(key.get(), tts.voiceId()).withBaseUrl(URI.create(base))
                    .withModel(tts.model()).withVoice(new ElevenLabsSettings.VoiceSettings(tts.stability(),
                            tts.similarityBoost(), tts.speed()));
            return new ElevenLabsTts(tts.model().contains("v2_5") ? settings.withLanguage(agent.language()) : settings);
        }
        return new FliteTts(tts.fliteVoice());
    }

    /**
     * What the offline recogniser listens for: the English examples and choices of the tenant's flow, plus the
     * agent's own phrases (yes, no, document numbers read out...).
     */
    static List<String> phrases(TenantDefinition tenant, VoiceAgent agent) {
        Set<String> phrases = new LinkedHashSet<>(List.of("yes", "no", "thank you", "goodbye"));
        JsonNode flow = tenant.flow();
        flow.path("intents").forEach(intent -> intent.path("examples").path("en").forEach(p -> phrases.add(p.asString())));
        flow.path("slots").forEach(slot -> slot.path("choices").forEach(c -> c.forEach(p -> phrases.add(p.asString()))));
        phrases.addAll(agent.stt().phrases());
        return List.copyOf(phrases);
    }

    private Optional<String> key(TenantDefinition tenant, String name, String tenantBaseUrl, String operatorKey) {
        Optional<String> own = TenantScope.within(tenant.id(), () -> secrets.reveal(tenant.id(), name));
        if (own.isPresent() || tenantBaseUrl != null) {
            return own;
        }
        return Optional.ofNullable(operatorKey).filter(k -> !k.isBlank());
    }
}
