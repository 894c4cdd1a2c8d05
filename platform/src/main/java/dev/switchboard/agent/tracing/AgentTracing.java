package dev.switchboard.agent.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The agent's tracer. With {@code OTEL_EXPORTER_OTLP_ENDPOINT} set, the SDK is configured by the standard
 * {@code OTEL_*} variables (headers, protocol, service name...), which is all LangSmith needs; without it every
 * span is a no-op. The SDK is kept private to the agent rather than registered globally.
 */
@Configuration(proxyBeanMethods = false)
class AgentTracing {

    private static final Logger log = LoggerFactory.getLogger(AgentTracing.class);
    static final String SCOPE = "dev.switchboard.agent";

    @Bean(destroyMethod = "")
    OpenTelemetry agentOpenTelemetry(Environment environment) {
        String endpoint = environment.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "");
        if (endpoint.isBlank()) {
            return OpenTelemetry.noop();
        }
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> Map.of("otel.service.name",
                        environment.getProperty("OTEL_SERVICE_NAME", "switchboard"),
                        "otel.metrics.exporter", "none", "otel.logs.exporter", "none"))
                .disableShutdownHook().build().getOpenTelemetrySdk();
        log.info("agent traces exported over OTLP to {}", endpoint);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(sdk::close));
        return sdk;
    }

    @Bean
    Tracer agentTracer(OpenTelemetry agentOpenTelemetry) {
        return agentOpenTelemetry.getTracer(SCOPE);
    }
}
