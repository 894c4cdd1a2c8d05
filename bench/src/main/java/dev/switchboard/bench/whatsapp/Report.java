package dev.switchboard.bench.whatsapp;

import dev.switchboard.bench.platform.ResourceSampler;
import dev.switchboard.fakes.meta.GraphFake;
import dev.switchboard.fakes.meta.SentMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What a run achieved: acknowledgements, replies as the Graph fake received them, and what it cost. */
final class Report {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WhatsAppBench.Settings settings;
    private final LoadRun run;
    private final ResourceSampler resources;
    private final Duration drained;
    private final Map<String, List<SentMessage>> replies;
    private final DatabaseCounters.Counters database;
    private final StatementStats.Snapshot statements;

    Report(WhatsAppBench.Settings settings, LoadRun run, GraphFake graph, ResourceSampler resources, Duration drained,
           DatabaseCounters.Counters database, StatementStats.Snapshot statements) {
        this.database = database;
        this.statements = statements;
        this.settings = settings;
        this.run = run;
        this.resources = resources;
        this.drained = drained;
        this.replies = repliesTo(graph, run);
    }

    /** Waits until every acknowledged message has a reply, or replies stop coming for {@code quiet}. */
    static Duration awaitReplies(GraphFake graph, LoadRun run, Duration max, Duration quiet) {
        long started = System.nanoTime();
        long expected = run.sent().stream().filter(s -> s.delivery != null && s.delivery.acknowledged()).count();
        int last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() - started < max.toNanos()) {
            int answered = repliesTo(graph, run).size();
            if (answered >= expected) {
                break;
            }
            if (answered != last) {
                last = answered;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > quiet.toNanos()) {
                break;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static Map<String, List<SentMessage>> repliesTo(GraphFake graph, LoadRun run) {
        Set<String> customers = new HashSet<>();
        run.sent().forEach(s -> customers.add(s.waId));
        return graph.sentMessages().stream().filter(m -> customers.contains(m.to()))
                .collect(Collectors.groupingBy(SentMessage::to));
    }

    String json() {
        List<LoadRun.Sent> acknowledged = run.sent().stream().filter(s -> s.delivery != null && s.delivery.acknowledged()).toList();
        double[] acks = acknowledged.stream().mapToDouble(s -> s.delivery.latency().toNanos() / 1e6).sorted().toArray();
        double[] replyLatencies = acknowledged.stream().filter(s -> replies.containsKey(s.waId))
                .mapToDouble(s -> millisBetween(s.postedAt, first(replies.get(s.waId)))).sorted().toArray();
        ObjectNode out = JSON.createObjectNode();
        out.put("benchmark", "whatsapp").put("rate", settings.rate()).put("seconds", settings.seconds())
                .put("statusCallbacks", settings.statuses()).put("pacePerSecond", settings.pace());
        out.put("offered", run.sent().size()).put("accepted", acknowledged.size())
                .put("refused", run.sent().stream().filter(s -> s.delivery != null && !s.delivery.acknowledged()).count())
                .put("failed", run.sent().stream().filter(s -> s.delivery == null).count());
        ObjectNode refusals = out.putObject("refusedByStatus");
        run.sent().stream().filter(s -> s.delivery != null && !s.delivery.acknowledged())
                .collect(Collectors.groupingBy(s -> String.valueOf(s.delivery.status()), Collectors.counting()))
                .forEach(refusals::put);
        out.set("ackLatencyMs", percentiles(acks).put("over250ms", share(acks, 250)).put("over1s", share(acks, 1000)));
        out.set("replyLatencyMs", percentiles(replyLatencies));
        out.put("answered", replyLatencies.length).put("lost", acknowledged.size() - replyLatencies.length)
                .put("duplicatedReplies", duplicated()).put("extraReplies", extra())
                .put("redelivered", run.redelivered()).put("redeliveriesRefused", run.redeliveryRefusals())
                .put("drainSeconds", round(drained.toMillis() / 1000.0))
                .put("generatorMaxLagMs", round(run.maxLagMillis()));
        ObjectNode cpu = out.putObject("cpu");
        cpu.put("platformCores", round(resources.platformCores())).put("postgresCores", round(resources.postgresCores()))
                .put("loadGeneratorAndFakesCores", round(resources.loadGeneratorCores()))
                .put("machineUtilisation", round(resources.machineUtilisation()))
                .put("cores", Runtime.getRuntime().availableProcessors()).put("windowSeconds", round(resources.seconds()));
        double messages = Math.max(1, acknowledged.size());
        out.putObject("perMessage").put("platformCpuMs", round(resources.platformCores() * resources.seconds() * 1000 / messages))
                .put("postgresCpuMs", round(resources.postgresCores() * resources.seconds() * 1000 / messages))
                .put("commits", round(database.commits() / messages)).put("rowsWritten", round(database.rowsWritten() / messages))
                .put("rowsRead", round(database.rowsRead() / messages));
        out.putObject("peakMemoryMb").put("platformRss", resources.peakPlatformRssMb())
                .put("postgresPss", resources.peakPostgresPssMb());
        if (!statements.top().isEmpty()) {
            ObjectNode node = out.putObject("statements");
            node.put("perMessage", round(statements.calls() / messages))
                    .put("executionMsPerMessage", round(statements.totalMs() / messages));
            var top = node.putArray("top");
            for (StatementStats.Statement s : statements.top()) {
                top.addObject().put("callsPerMessage", round(s.calls() / messages)).put("meanMs", round(s.meanMs()))
                        .put("totalMs", Math.round(s.totalMs()))
                        .put("buffersPerCall", round((double) s.buffers() / Math.max(1, s.calls())))
                        .put("query", s.query());
            }
        }
        return out.toPrettyString();
    }

    /** The same reply text sent twice to one customer: a message answered twice. */
    private long duplicated() {
        return replies.values().stream().mapToLong(list -> list.size()
                - list.stream().map(m -> m.body().toString().replaceAll("\"biz_opaque_callback_data\":\"[^\"]*\"", ""))
                .distinct().count()).sum();
    }

    private long extra() {
        return replies.values().stream().mapToLong(list -> list.size() - 1).sum();
    }

    private static Instant first(List<SentMessage> list) {
        return list.stream().map(SentMessage::acceptedAt).min(Instant::compareTo).orElseThrow();
    }

    private static double millisBetween(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    private static ObjectNode percentiles(double[] sorted) {
        ObjectNode node = JSON.createObjectNode();
        if (sorted.length == 0) {
            return node;
        }
        return node.put("p50", round(at(sorted, 0.50))).put("p90", round(at(sorted, 0.90)))
                .put("p99", round(at(sorted, 0.99))).put("max", round(sorted[sorted.length - 1]))
                .put("mean", round(Arrays.stream(sorted).average().orElse(0)));
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static double share(double[] sorted, double limit) {
        return sorted.length == 0 ? 0 : round((double) Arrays.stream(sorted).filter(v -> v > limit).count() / sorted.length);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
