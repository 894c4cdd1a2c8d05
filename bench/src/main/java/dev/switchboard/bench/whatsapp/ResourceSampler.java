package dev.switchboard.bench.whatsapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads CPU time and memory of the platform's JVM, its embedded PostgreSQL (the postmaster named in the data folder's
 * postmaster.pid and its backends) and this process from /proc, every quarter second while a benchmark runs.
 */
final class ResourceSampler implements AutoCloseable {

    private static final double TICKS_PER_SECOND = 100.0;

    private final long platformPid;
    private final Path postmasterPidFile;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakPlatformRssKb;
    private volatile long peakPostgresPssKb;
    private final Usage start;
    private Usage end;

    record Usage(long platformTicks, long postgresTicks, long selfTicks, long machineBusy, long machineTotal, long nanos) {
    }

    ResourceSampler(long platformPid, Path postmasterPidFile) {
        this.platformPid = platformPid;
        this.postmasterPidFile = postmasterPidFile;
        this.start = usage();
        this.thread = Thread.ofPlatform().daemon().name("resource-sampler").start(this::loop);
    }

    private void loop() {
        while (running) {
            peakPlatformRssKb = Math.max(peakPlatformRssKb, field(platformPid, "status", "VmRSS:"));
            peakPostgresPssKb = Math.max(peakPostgresPssKb,
                    postgres().stream().mapToLong(pid -> field(pid, "smaps_rollup", "Pss:")).sum());
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling; the CPU figures cover the time between construction and now. */
    @Override
    public void close() {
        if (end != null) {
            return;
        }
        running = false;
        thread.interrupt();
        end = usage();
    }

    double seconds() {
        return (end.nanos() - start.nanos()) / 1e9;
    }

    double platformCores() {
        return (end.platformTicks() - start.platformTicks()) / TICKS_PER_SECOND / seconds();
    }

    double postgresCores() {
        return (end.postgresTicks() - start.postgresTicks()) / TICKS_PER_SECOND / seconds();
    }

    double loadGeneratorCores() {
        return (end.selfTicks() - start.selfTicks()) / TICKS_PER_SECOND / seconds();
    }

    double machineUtilisation() {
        return (double) (end.machineBusy() - start.machineBusy()) / (end.machineTotal() - start.machineTotal());
    }

    long peakPlatformRssMb() {
        return peakPlatformRssKb / 1024;
    }

    long peakPostgresPssMb() {
        return peakPostgresPssKb / 1024;
    }

    private Usage usage() {
        long[] machine = machine();
        long postgres = postgres().stream().mapToLong(pid -> ticks(pid, true)).sum();
        return new Usage(ticks(platformPid, false), postgres, ticks(ProcessHandle.current().pid(), false), machine[0],
                machine[1], System.nanoTime());
    }

    /** The postmaster and its live children; dead children's time is in the postmaster's cutime/cstime. */
    private List<Long> postgres() {
        Optional<Long> postmaster = postmaster();
        if (postmaster.isEmpty()) {
            return List.of();
        }
        List<Long> pids = new ArrayList<>(List.of(postmaster.get()));
        ProcessHandle.of(postmaster.get()).ifPresent(p -> p.children().forEach(c -> pids.add(c.pid())));
        return pids;
    }

    private Optional<Long> postmaster() {
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(postmasterPidFile).getFirst().strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private long ticks(long pid, boolean withChildren) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            boolean postmaster = withChildren && postmaster().map(p -> p == pid).orElse(false);
            return postmaster ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long field(long pid, String file, String name) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/" + pid + "/" + file))) {
            return lines.filter(l -> l.startsWith(name)).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long[] machine() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 1};
        }
    }
}
