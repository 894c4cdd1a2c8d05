package dev.switchboard.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void takesWhatIsQueuedUpToTheLimitAndLeavesTheRestInOrder() throws Exception {
        LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
        for (int i = 0; i < 7; i++) {
            queue.add(i);
        }
        assertThat(Batches.next(queue, 5, Duration.ofMillis(10))).containsExactly(0, 1, 2, 3, 4);
        assertThat(Batches.next(queue, 5, Duration.ofMillis(10))).containsExactly(5, 6);
    }

    @Test
    void isEmptyWhenNothingArrivesWithinTheWait() throws Exception {
        assertThat(Batches.next(new LinkedBlockingQueue<String>(), 5, Duration.ofMillis(20))).isEmpty();
    }
}
