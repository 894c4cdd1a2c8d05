package dev.switchboard.agent.graph;

import dev.switchboard.agent.tools.ToolCallRecord;
import dev.switchboard.agent.tools.ToolCalls;
import dev.switchboard.agent.tools.ToolContext;
import dev.switchboard.agent.tools.ToolExecutor;
import dev.switchboard.conversation.Message;
import dev.switchboard.shared.TenantScope;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Component;

/**
 * The tools node: runs every unfinished call of the model's last answer. Calls that establish the customer's
 * identity go first, one by one, since the others may depend on it; the rest run in parallel. Calls beyond the
 * turn's budget are refused without being made.
 */
@Component
class ToolsStep {

    private final ToolExecutor executor;
    private final ToolCalls toolCalls;
    private final Turns turns;
    private final Tracer tracer;

    ToolsStep(ToolExecutor executor, ToolCalls toolCalls, Turns turns, Tracer tracer) {
        this.executor = executor;
        this.toolCalls = toolCalls;
        this.turns = turns;
        this.tracer = tracer;
    }

    void run(TurnContext ctx, List<Message> unfinished, int finishedBefore, int budget, Set<String> enabled,
             Set<String> identifying) {
        Span span = tracer.spanBuilder("agent.step tools").setAttribute("agent.tool_calls", unfinished.size()).startSpan();
        try (var scope = span.makeCurrent()) {
            ToolContext context = new ToolContext(ctx.tenant(), ctx.conversation().id(), ctx.turn().id(), ctx.contact(),
                    ctx.conversation().channel(), ctx.language());
            List<Message> allowed = new ArrayList<>();
            int count = finishedBefore;
            for (Message row : unfinished) {
                if (++count > budget) {
                    ToolCallRecord call = ToolCallRecord.from(row.content());
                    toolCalls.save(row.id(), call.finish("refused", "{\"status\":\"refused\",\"error\":\"the tool call "
                            + "budget of this turn is spent: answer with what you have\"}", null, null, "tool call budget spent", 0L, null));
                } else {
                    allowed.add(row);
                }
            }
            List<Message> first = allowed.stream().filter(r -> identifying.contains(name(r))).toList();
            first.forEach(row -> runOne(ctx, context, row, enabled));
            runParallel(ctx, context, allowed.stream().filter(r -> !first.contains(r)).toList(), enabled);
            turns.progress(ctx.turn().id(), ctx.turn().steps(), Math.min(count, budget) , null, null);
        } finally {
            span.end();
        }
    }

    private void runParallel(TurnContext ctx, ToolContext context, List<Message> rows, Set<String> enabled) {
        if (rows.size() <= 1) {
            rows.forEach(row -> runOne(ctx, context, row, enabled));
            return;
        }
        UUID tenant = TenantScope.requireTenant();
        Context trace = Context.current();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (Message row : rows) {
                futures.add(pool.submit(trace.wrap(() -> TenantScope.run(tenant, () -> runOne(ctx, context, row, enabled)))));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a tool call failed unexpectedly", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void runOne(TurnContext ctx, ToolContext context, Message row, Set<String> enabled) {
        ToolCallRecord call = ToolCallRecord.from(row.content());
        ctx.listener().onToolCallStarted(call.callId(), call.name());
        ToolCallRecord done = executor.run(context, row, enabled);
        ctx.listener().onToolCallFinished(call.callId(), call.name(), done.status());
    }

    private static String name(Message row) {
        return row.content().path("name").asString();
    }

    static Set<String> names(List<Message> rows) {
        Set<String> names = new HashSet<>();
        rows.forEach(r -> names.add(name(r)));
        return names;
    }
}
