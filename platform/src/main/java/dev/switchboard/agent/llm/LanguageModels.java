package dev.switchboard.agent.llm;

import dev.switchboard.agent.config.AgentProperties;
import dev.switchboard.agent.llm.anthropic.AnthropicModels;
import dev.switchboard.agent.llm.openai.OpenAiCompatibleModels;
import dev.switchboard.tenant.EffectiveConfiguration;
import dev.switchboard.tenant.TenantConfiguration;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.tenant.Tenants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Which model answers a tenant, from its effective configuration: provider, model, fallback model, temperature.
 * The key is the tenant's secret ({@code anthropic_api_key}, {@code openai_api_key}) or else the operator's;
 * the operator's key is never sent to a base URL the tenant's directory chose. Empty means offline: the flow answers.
 */
@Component
public class LanguageModels {

    private static final int MAX_CACHED = 512;

    private final Tenants tenants;
    private final TenantConfiguration configuration;
    private final TenantSecrets secrets;
    private final AgentProperties properties;
    private final Map<ModelSettings, LanguageModel> clients = new ConcurrentHashMap<>();

    public LanguageModels(Tenants tenants, TenantConfiguration configuration, TenantSecrets secrets,
                          AgentProperties properties) {
        this.tenants = tenants;
        this.configuration = configuration;
        this.secrets = secrets;
        this.properties = properties;
    }

    /** Call inside the tenant's scope (secrets and overrides are tenant rows). */
    public Optional<ResilientModel> forTenant(UUID tenantId) {
        TenantDefinition tenant = tenants.find(tenantId).orElse(null);
        if (tenant == null) {
            return Optional.empty();
        }
        EffectiveConfiguration config = configuration.effective(tenantId);
        String provider = config.string("agent.provider").orElse(AnthropicModels.PROVIDER);
        Optional<Endpoint> endpoint = endpoint(tenantId, provider, tenant.agent().baseUrl());
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        List<LanguageModel> chain = new ArrayList<>();
        String model = config.string("agent.model").orElse(AnthropicModels.DEFAULT_MODEL);
        chain.add(client(settings(provider, model, endpoint.get(), config)));
        config.string("agent.fallbackModel").filter(f -> !f.isBlank() && !f.equals(model))
                .ifPresent(f -> chain.add(client(settings(provider, f, endpoint.get(), config))));
        var retry = properties.retry();
        return Optional.of(new ResilientModel(chain, retry.attempts(), retry.backoff(), retry.maxBackoff()));
    }

    private record Endpoint(String baseUrl, String apiKey, String version) {
    }

    private Optional<Endpoint> endpoint(UUID tenantId, String provider, String tenantBaseUrl) {
        boolean ownUrl = tenantBaseUrl != null && !tenantBaseUrl.isBlank();
        return switch (provider) {
            case AnthropicModels.PROVIDER -> {
                var operator = properties.anthropic();
                String key = secrets.reveal(tenantId, "anthropic_api_key")
                        .orElse(ownUrl ? null : operator.apiKey());
                String base = ownUrl ? tenantBaseUrl : or(operator.baseUrl(), "https://api.anthropic.com");
                yield blank(key) ? Optional.empty() : Optional.of(new Endpoint(base, key, operator.version()));
            }
            case OpenAiCompatibleModels.PROVIDER -> {
                var operator = properties.openai();
                String key = secrets.reveal(tenantId, "openai_api_key").orElse(ownUrl ? null : operator.apiKey());
                String base = ownUrl ? tenantBaseUrl : blank(operator.baseUrl()) && !blank(key)
                        ? "https://api.openai.com" : operator.baseUrl();
                yield blank(base) ? Optional.empty() : Optional.of(new Endpoint(base, key, null));
            }
            default -> Optional.empty();
        };
    }

    private ModelSettings settings(String provider, String model, Endpoint endpoint, EffectiveConfiguration config) {
        double temperature = config.decimal("agent.temperature", 0.3);
        return new ModelSettings(provider, model, endpoint.baseUrl(), endpoint.apiKey(), endpoint.version(),
                temperature, config.integer("agent.maxTokens", 1024), Duration.ofSeconds(5), properties.llmIdleTimeout());
    }

    private LanguageModel client(ModelSettings settings) {
        if (clients.size() > MAX_CACHED) {
            clients.clear();
        }
        return clients.computeIfAbsent(settings, s -> switch (s.provider()) {
            case OpenAiCompatibleModels.PROVIDER -> OpenAiCompatibleModels.create(s);
            default -> AnthropicModels.create(s);
        });
    }

    private static String or(String value, String fallback) {
        return blank(value) ? fallback : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
