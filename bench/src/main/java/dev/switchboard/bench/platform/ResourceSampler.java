package dev.switchboard.bench.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time and memory over a measured window (from construction to {@link #close}), read from Linux's /proc: the
 * platform's JVM, optionally its embedded PostgreSQL (the postmaster named in postmaster.pid and its backends), this
 * process (the load generator and the fakes, which share the machine) and the machine. Figures are zero where /proc
 * cannot be read: on another system, or for a pid that is not there (web chat against a running platform without
 * {@code --pid}).
 *
 * <p>Two kinds of peak memory, because the reports have always meant different things by it: the JVM's high-water
 * mark (VmHWM, the most it ever had resident, start-up included) read at the end, which web chat and voice report;
 * and the largest JVM resident size and PostgreSQL proportional size seen by sampling every quarter second during the
 * window, which WhatsApp reports. Sampling runs only when asked for, so it adds no work to the other benchmarks'
 * load generator.
 */
public final class ResourceSampler implements AutoCloseable {

    /** Linux's USER_HZ: /proc reports CPU time in hundredths of a second. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long platformPid;
    private final Path postmasterPidFile;
    private final Thread sampler;
    private volatile long peakPlatformRssKb;
    private volatile long peakPostgresPssKb;
    private final Usage start;
    private Usage end;
    private long highWaterRssKb;

    private record Usage(long platformTicks, long postgresTicks, long selfTicks, long machineBusy, long machineTotal,
                         long nanos) {
    }

    private ResourceSampler(long platformPid, Path postmasterPidFile, boolean samplePeaks) {
        this.platformPid = platformPid;
        this.postmasterPidFile = postmasterPidFile;
        this.start = usage();
        this.sampler = samplePeaks
                ? Thread.ofPlatform().daemon().name("resource-sampler").start(this::samplePeaks)
                : null;
    }

    /** The platform JVM with this pid: its CPU time in the window and its high-water mark at the end. */
    public static ResourceSampler platform(long pid) {
        return new ResourceSampler(pid, null, false);
    }

    /** The platform and its embedded PostgreSQL, with their peak memory sampled through the window. */
    public static ResourceSampler platformAndDatabase(PlatformProcess platform) {
        return new ResourceSampler(platform.pid(), platform.postmasterPidFile(), true);
    }

    private void samplePeaks() {
        while (!Thread.currentThread().isInterrupted()) {
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

    /** Ends the window: the figures below cover the time between construction and the first call of this. */
    @Override
    public void close() {
        if (end != null) {
            return;
        }
        if (sampler != null) {
            sampler.interrupt();
        }
        end = usage();
        highWaterRssKb = field(platformPid, "status", "VmHWM:");
    }

    public double seconds() {
        return (end.nanos() - start.nanos()) / 1e9;
    }

    public double platformCpuSeconds() {
        return (end.platformTicks() - start.platformTicks()) / TICKS_PER_SECOND;
    }

    public double platformCores() {
        return platformCpuSeconds() / seconds();
    }

    public double postgresCores() {
        return (end.postgresTicks() - start.postgresTicks()) / TICKS_PER_SECOND / seconds();
    }

    public double loadGeneratorCores() {
        return (end.selfTicks() - start.selfTicks()) / TICKS_PER_SECOND / seconds();
    }

    /** The share of the machine's CPU time (all processes, all cores) that was busy. */
    public double machineUtilisation() {
        return (double) (end.machineBusy() - start.machineBusy()) / (end.machineTotal() - start.machineTotal());
    }

    /** The platform JVM's VmHWM when the window closed, in megabytes. */
    public long platformHighWaterRssMb() {
        return highWaterRssKb / 1024;
    }

    /** The largest platform JVM resident size sampled in the window, in megabytes (0 unless sampling). */
    public long peakPlatformRssMb() {
        return peakPlatformRssKb / 1024;
    }

    /** The largest PostgreSQL proportional set size sampled in the window, in megabytes (0 unless sampling). */
    public long peakPostgresPssMb() {
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
        if (postmasterPidFile == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(postmasterPidFile).getFirst().strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** User + system time from /proc/PID/stat; for the postmaster also that of the children it has reaped. */
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

    /** A "Name:  123 kB" line of /proc/PID/status or smaps_rollup, in kilobytes. */
    private static long field(long pid, String file, String name) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/" + pid + "/" + file))) {
            return lines.filter(l -> l.startsWith(name)).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Busy and total jiffies of all cores from /proc/stat's first line (idle and iowait count as not busy). */
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
