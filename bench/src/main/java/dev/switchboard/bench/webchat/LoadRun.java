package dev.switchboard.bench.webchat;

import dev.switchboard.bench.platform.ResourceSampler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One measured run: opens the sessions (at most 64 handshakes at a time), lets each send a message every
 * {@code interval} (jittered, and never before its last reply arrived), measures after a warm-up, then stops
 * sending and waits for the replies still on their way before counting what was lost.
 */
final class LoadRun implements Callable<WebchatReport> {

    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final WebchatBench.Options options;
    private final URI base;
    private final long pid;
    private final Runnable afterWarmup;
    private final List<HttpClient> clients = new ArrayList<>();

    /** @param afterWarmup what to do once warmed up, before measuring (the platform's database statistics) */
    LoadRun(WebchatBench.Options options, URI base, long pid, Runnable afterWarmup) {
        this.options = options;
        this.base = base;
        this.pid = pid;
        this.afterWarmup = afterWarmup;
        for (int i = 0; i < 4; i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        }
    }

    @Override
    public WebchatReport call() throws Exception {
        List<ChatSession> sessions = open();
        System.err.printf("[bench] %d of %d sessions connected; warming up %d s%n", sessions.size(), options.sessions(),
                options.warmupSeconds());
        drive(sessions, options.warmupSeconds(), false);
        afterWarmup.run();
        ResourceSampler platform = ResourceSampler.platform(pid);
        long cpuBefore = clientCpuNanos();
        long started = System.nanoTime();
        System.err.printf("[bench] measuring %d s%n", options.seconds());
        drive(sessions, options.seconds(), true);
        double seconds = (System.nanoTime() - started) / 1e9;
        platform.close();
        long clientCpu = clientCpuNanos() - cpuBefore;
        drain(sessions);
        sessions.forEach(ChatSession::close);
        return new WebchatReport(options, sessions, seconds, platform, clientCpu);
    }

    private List<ChatSession> open() throws Exception {
        String origin = options.origin() != null ? options.origin()
                : options.url() == null ? BenchTenant.ORIGIN : base.getScheme() + "://" + base.getAuthority();
        URI socket = URI.create(base.toString().replaceFirst("^http", "ws") + "/ws/webchat/" + options.tenant());
        List<ChatSession> sessions = new ArrayList<>();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        Semaphore handshakes = new Semaphore(64);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < options.sessions(); i++) {
                ChatSession session = new ChatSession("s" + i);
                HttpClient client = clients.get(i % clients.size());
                handshakes.acquire();
                pending.add(CompletableFuture.supplyAsync(() -> token(client, origin), pool)
                        .thenCompose(token -> session.connect(client, socket, origin, token))
                        .whenComplete((ws, failure) -> handshakes.release())
                        .thenRun(() -> {
                            synchronized (sessions) {
                                sessions.add(session);
                            }
                        }));
            }
            for (CompletableFuture<?> f : pending) {
                try {
                    f.join();
                } catch (RuntimeException e) {
                    System.err.println("[bench] a session failed to open: " + e.getMessage());
                }
            }
        }
        return sessions;
    }

    private String token(HttpClient client, String origin) {
        try {
            var request = HttpRequest.newBuilder(base.resolve("/webchat/" + options.tenant() + "/session"))
                    .header("Origin", origin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            String body = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
            int start = body.indexOf("\"token\":\"") + 9;
            return body.substring(start, body.indexOf('"', start));
        } catch (Exception e) {
            throw new IllegalStateException("no visitor token: " + e.getMessage(), e);
        }
    }

    /** Every 20 ms, sends for each session whose turn it is, for {@code seconds}. */
    private void drive(List<ChatSession> sessions, int seconds, boolean measure) throws InterruptedException {
        long interval = TimeUnit.MILLISECONDS.toNanos(options.intervalMs());
        long now = System.nanoTime();
        long end = now + TimeUnit.SECONDS.toNanos(seconds);
        for (ChatSession s : sessions) {
            if (!measure) {
                s.nextSendAt = now + ThreadLocalRandom.current().nextLong(interval);
            }
        }
        while ((now = System.nanoTime()) < end) {
            for (ChatSession s : sessions) {
                if (s.ready(now)) {
                    s.nextSendAt = now + interval * (80 + ThreadLocalRandom.current().nextInt(41)) / 100;
                    s.send(measure);
                }
            }
            Thread.sleep(20);
        }
    }

    private static void drain(List<ChatSession> sessions) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_NANOS;
        while (System.nanoTime() < deadline && sessions.stream().anyMatch(ChatSession::awaiting)) {
            Thread.sleep(100);
        }
    }

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
