package dev.switchboard.whatsapp.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SlotLanesTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    /** The pacing rows in memory, on a clock that stands still, slow to answer like a busy database. */
    private static final class SlowRow implements SlotLanes.Reserver {
        final List<Integer> counts = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, Instant> next = new HashMap<>();

        @Override
        public synchronized SlotLanes.Slots reserve(UUID tenantId, String number, int messagesPerSecond, int count) {
            counts.add(count);
            sleep(5);
            double interval = 1.0 / messagesPerSecond;
            Instant first = next.getOrDefault(number, NOW);
            next.put(number, first.plusNanos(Math.round(count * interval * 1e9)));
            return new SlotLanes.Slots(first, NOW, interval);
        }
    }

    @Test
    void sendersWaitingTogetherShareOneReservationAndGetConsecutiveSlots() throws Exception {
        SlowRow row = new SlowRow();
        SlotLanes lanes = new SlotLanes(row);
        int senders = 300;
        CountDownLatch go = new CountDownLatch(1);
        List<Duration> waits = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Duration>> futures = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return lanes.reserve(TENANT, "100200300", 1000);
                }));
            }
            go.countDown();
            for (Future<Duration> future : futures) {
                waits.add(future.get());
            }
        }
        List<Long> millis = waits.stream().map(Duration::toMillis).sorted().toList();
        assertThat(millis).as("one slot each, 1 ms apart at 1,000 a second, none shared")
                .isEqualTo(java.util.stream.LongStream.range(0, senders).boxed().toList());
        assertThat(row.counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(senders);
        assertThat(row.counts.size()).as("reservations for %d senders", senders).isLessThan(senders / 5);
    }

    @Test
    void eachNumberHasItsOwnSlots() {
        SlotLanes lanes = new SlotLanes(new SlowRow());
        assertThat(lanes.reserve(TENANT, "111", 10)).isZero();
        assertThat(lanes.reserve(TENANT, "111", 10)).isEqualTo(Duration.ofMillis(100));
        assertThat(lanes.reserve(TENANT, "222", 10)).as("another number is not held back").isZero();
    }

    @Test
    void aFailedReservationFailsItsSendersAndTheLaneGoesOnServing() {
        AtomicInteger calls = new AtomicInteger();
        SlotLanes lanes = new SlotLanes((tenant, number, perSecond, count) -> {
            switch (calls.incrementAndGet()) {
                case 1 -> throw new IllegalStateException("database unavailable");
                case 2 -> throw new StackOverflowError("not even this stops the lane");
                default -> {
                    return new SlotLanes.Slots(NOW, NOW, 0.001);
                }
            }
        });
        assertThatThrownBy(() -> lanes.reserve(TENANT, "333", 80)).isInstanceOf(IllegalStateException.class)
                .hasMessage("database unavailable");
        assertThatThrownBy(() -> lanes.reserve(TENANT, "333", 80)).hasCauseInstanceOf(StackOverflowError.class);
        assertThat(lanes.reserve(TENANT, "333", 80)).isZero();
    }

    @Test
    void aSlotInThePastIsDueNow() {
        var slots = new SlotLanes.Slots(NOW.minusSeconds(1), NOW, 0.1);
        assertThat(slots.wait(0)).isZero();
        assertThat(slots.wait(12)).isEqualTo(Duration.ofMillis(200));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
