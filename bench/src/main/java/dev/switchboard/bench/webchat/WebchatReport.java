package dev.switchboard.bench.webchat;

import dev.switchboard.bench.platform.ResourceSampler;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The benchmark's one JSON object. Latencies are measured at the widget: from sending a message to the first
 * streamed token of its reply ({@code firstTokenMs}), to the acknowledgement, and to the committed reply.
 * {@code overheadMs} is the first-token latency minus the latency the fake injects: what the platform adds.
 * {@code lost} counts messages sent in the measured window whose reply never came (after a 30-second drain);
 * {@code duplicated} counts a seq received twice on a socket, a duplicate ack, or a reply nobody asked for.
 */
record WebchatReport(WebchatBench.Options options, List<ChatSession> sessions, double seconds, ResourceSampler platform,
                     long clientCpuNanos) {

    String json() {
        Latencies firstToken = new Latencies();
        Latencies ack = new Latencies();
        Latencies reply = new Latencies();
        int sent = 0;
        int replied = 0;
        int duplicated = 0;
        int refused = 0;
        Map<String, Integer> errors = new TreeMap<>();
        for (ChatSession s : sessions) {
            firstToken.addAll(s.firstToken);
            ack.addAll(s.ack);
            reply.addAll(s.reply);
            sent += s.sent;
            replied += s.replied;
            duplicated += s.duplicated + s.unexpected;
            refused += s.refused;
            s.errors.forEach((code, n) -> errors.merge(code, n.get(), Integer::sum));
        }
        ObjectNode out = JsonMapper.builder().build().createObjectNode();
        out.put("benchmark", "webchat").put("sessions", sessions.size()).put("sessionsRequested", options.sessions())
                .put("seconds", Math.round(seconds)).put("warmupSeconds", options.warmupSeconds())
                .put("intervalMs", options.intervalMs()).put("messages", sent).put("replies", replied)
                .put("messagesPerSecond", Math.round(sent / seconds * 10) / 10.0)
                .put("fakeFirstTokenMs", options.firstTokenMs()).put("fakeTokensPerSecond", options.tokensPerSecond());
        percentiles(out.putObject("firstTokenMs"), firstToken);
        percentiles(out.putObject("overheadMs"), firstToken.minus(options.firstTokenMs() * 1000L));
        percentiles(out.putObject("ackMs"), ack);
        percentiles(out.putObject("replyMs"), reply);
        out.put("lost", sent - replied - refused).put("duplicated", duplicated).put("refused", refused);
        errors.forEach(out.putObject("errors")::put);
        double cpuSeconds = platform.platformCpuSeconds();
        out.putObject("platform").put("peakRssMb", platform.platformHighWaterRssMb())
                .put("cpuSeconds", Math.round(cpuSeconds * 10) / 10.0)
                .put("cpuCores", Math.round(cpuSeconds / seconds * 100) / 100.0);
        out.putObject("client").put("cpuCores", Math.round(clientCpuNanos / 1e9 / seconds * 100) / 100.0);
        out.put("machineCores", Runtime.getRuntime().availableProcessors());
        return out.toString();
    }

    private static void percentiles(ObjectNode node, Latencies samples) {
        node.put("p50", samples.percentileMs(50)).put("p90", samples.percentileMs(90))
                .put("p99", samples.percentileMs(99)).put("max", samples.percentileMs(100)).put("n", samples.size());
    }
}
