package dev.switchboard.fakes.llm;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The answer when nothing is scripted, for load benchmarks and local trials: a short reply derived
 * deterministically from the last user message, paced by a fixed first-token latency and a token rate.
 */
public record DefaultResponder(Duration firstTokenDelay, double tokensPerSecond) {

    private static final int ECHOED_WORDS = 12;

    public static DefaultResponder instant() {
        return new DefaultResponder(Duration.ZERO, 0);
    }

    public Turn answer(String lastUserText) {
        return Turn.text(replyTo(lastUserText))
                .withFirstTokenDelay(firstTokenDelay)
                .withInterTokenDelay(interTokenDelay());
    }

    /** Zero or negative rate means no pacing between tokens. */
    public Duration interTokenDelay() {
        return tokensPerSecond <= 0 ? Duration.ZERO : Duration.ofNanos((long) (1_000_000_000L / tokensPerSecond));
    }

    static String replyTo(String lastUserText) {
        var words = lastUserText == null ? new String[0] : lastUserText.strip().split("\\s+");
        var echoed = Arrays.stream(words).filter(w -> !w.isEmpty()).limit(ECHOED_WORDS)
                .collect(Collectors.joining(" "));
        return echoed.isEmpty() ? "Hello! How can I help you today?"
                : "You said: " + echoed + ". How can I help further?";
    }
}
