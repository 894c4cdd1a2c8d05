package dev.switchboard.agent.tools;

import dev.switchboard.agent.config.AgentProperties;
import dev.switchboard.agent.format.Formatters;
import dev.switchboard.conversation.Contact;
import dev.switchboard.conversation.Contacts;
import dev.switchboard.conversation.Message;
import dev.switchboard.shared.TenantScope;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Runs one recorded tool call to its end, recording each stage on its TOOL message. A call that already finished
 * is never run again; a call left running by a crash is repeated only when its tool is safe to repeat, and is
 * otherwise reported as unknown. Before any request: the tool must be enabled, its arguments valid, the customer
 * verified where the tool needs it, and every id argument one this conversation handed out to this customer.
 */
@Component
public class ToolExecutor {

    private static final Logger log = LoggerFactory.getLogger(ToolExecutor.class);
    private static final Duration GRACE = Duration.ofMillis(500);

    private final ToolCatalog catalog;
    private final ToolCalls calls;
    private final Contacts contacts;
    private final References references;
    private final ToolResults results;
    private final Tracer tracer;

    ToolExecutor(ToolCatalog catalog, ToolCalls calls, Contacts contacts, References references, Formatters formatters,
                 AgentProperties properties, Tracer tracer) {
        this.catalog = catalog;
        this.calls = calls;
        this.contacts = contacts;
        this.references = references;
        this.results = new ToolResults(formatters, properties.toolResultChars());
        this.tracer = tracer;
    }

    /** Runs the call recorded on {@code row} (a TOOL message) unless it already ended; returns how it ended. */
    public ToolCallRecord run(ToolContext context, Message row, Set<String> enabled) {
        ToolCallRecord call = ToolCallRecord.from(row.content());
        if (call.finished()) {
            return call;
        }
        Span span = tracer.spanBuilder("tool " + call.name()).setAttribute("tool.name", call.name())
                .setAttribute("tool.call_id", call.callId()).startSpan();
        try (var scope = span.makeCurrent()) {
            ToolCallRecord done = execute(context, row.id(), call, enabled);
            span.setAttribute("tool.status", done.status());
            if (done.failed()) {
                span.setStatus(StatusCode.ERROR, done.status());
            }
            return done;
        } finally {
            span.end();
        }
    }

    private ToolCallRecord execute(ToolContext context, UUID messageId, ToolCallRecord call, Set<String> enabled) {
        Tool tool = enabled.contains(call.name()) ? catalog.find(context.tenant(), call.name()).orElse(null) : null;
        if (tool == null) {
            return finish(messageId, refused(call, "there is no tool named " + call.name()));
        }
        if (call.status().equals(ToolCallRecord.RUNNING) && !tool.safeToRepeat()) {
            return finish(messageId, results.unknown(call));
        }
        Contact contact = contacts.get(context.contact().id());
        ToolContext current = context.withContact(contact);
        String refusal = refusal(tool, call, current);
        if (refusal != null) {
            return finish(messageId, refused(call, refusal));
        }
        calls.save(messageId, call.running());
        long started = System.nanoTime();
        try {
            ToolResponse response = invoke(tool, new ToolInvocation(current, call.callId(), call.arguments()));
            long latency = (System.nanoTime() - started) / 1_000_000;
            afterSuccess(tool, current, messageId, response.data());
            return finish(messageId, results.ok(call, tool, current, response, latency));
        } catch (ToolFailed e) {
            long latency = (System.nanoTime() - started) / 1_000_000;
            boolean unknown = e.outcomeUnknown() && !tool.safeToRepeat();
            return finish(messageId, unknown ? results.unknown(call) : results.error(call, e.getMessage(), latency));
        }
    }

    /** Why the call may not be made, or null. Checked before anything leaves the platform. */
    private String refusal(Tool tool, ToolCallRecord call, ToolContext context) {
        List<String> problems = ArgumentCheck.problems(tool.parameters(), call.arguments());
        if (!problems.isEmpty()) {
            return "invalid arguments: " + String.join("; ", problems);
        }
        if (tool.requiresVerifiedCustomer() && context.contact().customerRef() == null) {
            return "the customer is not identified yet: identify them first (validate_document)";
        }
        if (tool instanceof HttpTool http) {
            for (var ref : http.definition().argumentRefs().entrySet()) {
                String value = call.arguments().path(ref.getKey()).asString(null);
                if (value != null && !references.handedOut(context.conversationId(), context.contact().customerRef(),
                        ref.getValue(), value)) {
                    log.warn("refused {} in conversation {}: {} {} was not handed out to this customer here",
                            call.name(), context.conversationId(), ref.getValue(), value);
                    return "unknown " + ref.getValue() + " id " + value + ": use an id returned to this customer in this conversation";
                }
            }
        }
        return null;
    }

    private ToolResponse invoke(Tool tool, ToolInvocation invocation) throws ToolFailed {
        UUID tenant = TenantScope.requireTenant();
        Future<ToolResponse> future = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()
                .submit(() -> TenantScope.call(tenant, () -> {
                    try {
                        return tool.invoke(invocation);
                    } catch (ToolFailed e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                }));
        try {
            return future.get(tool.timeout().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ToolFailed("no answer within " + tool.timeout().toMillis() + " ms", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolFailed("interrupted", true);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c ? c.getCause() : e.getCause();
            if (cause instanceof ToolFailed failed) {
                throw failed;
            }
            log.warn("tool {} failed: {}", tool.name(), String.valueOf(cause));
            throw new ToolFailed("the tool failed unexpectedly", false);
        }
    }

    private void afterSuccess(Tool tool, ToolContext context, UUID messageId, JsonNode data) {
        if (!(tool instanceof HttpTool http)) {
            return;
        }
        JsonNode verifies = http.definition().verifiesCustomer();
        String customerRef = context.contact().customerRef();
        if (verifies.has("idPointer")) {
            String id = data.at(verifies.get("idPointer").asString()).asString("");
            if (!id.isBlank()) {
                String name = verifies.has("namePointer") ? data.at(verifies.get("namePointer").asString()).asString(null) : null;
                customerRef = contacts.verifyCustomer(context.contact().id(), id, name).customerRef();
            }
        }
        if (customerRef == null) {
            return;
        }
        for (var ref : http.definition().references().entrySet()) {
            references.record(context.tenant().id(), context.conversationId(), customerRef, ref.getKey(),
                    Pointers.collect(data, ref.getValue()), messageId);
        }
    }

    private static ToolCallRecord refused(ToolCallRecord call, String reason) {
        return call.finish("refused", ToolResults.errorJson("refused", reason), null, null, reason, 0L, null);
    }

    private ToolCallRecord finish(UUID messageId, ToolCallRecord after) {
        calls.save(messageId, after);
        return after;
    }
}
