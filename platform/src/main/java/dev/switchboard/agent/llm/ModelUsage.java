package dev.switchboard.agent.llm;

/** Tokens of one call. {@code input} is the uncached part; cache reads and writes are counted apart. */
public record ModelUsage(long input, long output, long cacheRead, long cacheWrite) {

    public static final ModelUsage NONE = new ModelUsage(0, 0, 0, 0);

    public long total() {
        return input + output + cacheRead + cacheWrite;
    }
}
