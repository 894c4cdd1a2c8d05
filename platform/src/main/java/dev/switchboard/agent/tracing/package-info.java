/**
 * OpenTelemetry traces of the agent (a span per turn, graph step, model call and tool call), exported over OTLP
 * when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set and discarded otherwise.
 */
package dev.switchboard.agent.tracing;
