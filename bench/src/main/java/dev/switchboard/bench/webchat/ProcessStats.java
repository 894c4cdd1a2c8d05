package dev.switchboard.bench.webchat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's memory high-water mark and CPU time, from Linux's {@code /proc} (zeros elsewhere).
 *
 * @param peakRssKb  VmHWM: the most resident memory the process has had
 * @param cpuTicks   user + system CPU time in clock ticks (100 per second on Linux)
 */
record ProcessStats(long peakRssKb, long cpuTicks) {

    static final int TICKS_PER_SECOND = 100;

    static ProcessStats of(long pid) {
        try {
            long hwm = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmHWM:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                    .findFirst().orElse(0);
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new ProcessStats(hwm, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException e) {
            return new ProcessStats(0, 0);
        }
    }
}
