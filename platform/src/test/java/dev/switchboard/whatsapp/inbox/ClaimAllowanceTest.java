package dev.switchboard.whatsapp.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.whatsapp.inbox.ClaimAllowance.Load;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The allowance on a clock the test moves: what workers may claim as webhook writes stay fast or slow down. */
class ClaimAllowanceTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong now = new AtomicLong(1_000_000 * MS);
    private final AtomicReference<Load> load = new AtomicReference<>(Load.IDLE);
    private final ClaimAllowance allowance = new ClaimAllowance(now::get, load::get);

    /**
     * Workers with a backlog that could claim {@code demand} rows a second, asking every millisecond for what they
     * could take by then, for {@code millis}; returns the rows granted.
     */
    private long claimFor(long millis, double demand) {
        long granted = 0;
        double wanted = 0;
        for (long t = 0; t < millis; t++) {
            now.addAndGet(MS);
            wanted += demand / 1000;
            int rows;
            while (wanted >= 1 && (rows = allowance.take((int) Math.min(32, wanted))) > 0) {
                granted += rows;
                wanted -= rows;
            }
        }
        return granted;
    }

    private long claimFor(long millis) {
        return claimFor(millis, 2000);
    }

    @Test
    void withoutWebhookTrafficEveryBatchIsGrantedWhole() {
        for (int i = 0; i < 1000; i++) {
            now.addAndGet(MS);
            assertThat(allowance.take(32)).isEqualTo(32);
        }
    }

    @Test
    void strainCutsTheAllowanceFromWhatWasActuallyClaimedAndKeepsCuttingWhileItLasts() {
        load.set(Load.HEALTHY);
        assertThat(claimFor(1000, 600)).isBetween(590L, 610L);
        load.set(Load.STRAINED);
        claimFor(150, 600);
        // Not "unlimited" halved: the rows claimed lately (600 a second), halved.
        assertThat(allowance.rate()).isBetween(250.0, 350.0);
        claimFor(2000);
        assertThat(allowance.rate()).isEqualTo(ClaimAllowance.FLOOR);
        long granted = claimFor(10_000);
        // The floor still moves the backlog.
        assertThat(granted).isBetween((long) (ClaimAllowance.FLOOR * 9.5), (long) (ClaimAllowance.FLOOR * 10.5));
    }

    @Test
    void aStrainedAllowanceGrowsBackStepByStepOnceWritesAreFastAgain() {
        load.set(Load.HEALTHY);
        claimFor(1000);
        load.set(Load.STRAINED);
        claimFor(5000);
        load.set(Load.HEALTHY);
        claimFor(1000);
        double afterOneSecond = allowance.rate();
        assertThat(afterOneSecond).isBetween(ClaimAllowance.FLOOR + 50, 1000.0);
        long granted = claimFor(1000);
        // Granted at the allowed rate, which kept growing: more than a second of the earlier allowance.
        assertThat(granted).isGreaterThan((long) afterOneSecond);
        load.set(Load.IDLE);
        claimFor(200);
        assertThat(allowance.rate()).isEqualTo(ClaimAllowance.UNLIMITED);
    }

    @Test
    void aPauseDoesNotTurnIntoABurst() {
        load.set(Load.STRAINED);
        claimFor(5000);
        now.addAndGet(60_000 * MS);
        load.set(Load.STRAINED);
        int burst = 0;
        int rows;
        while ((rows = allowance.take(32)) > 0) {
            burst += rows;
        }
        // The bucket holds a fiftieth of a second of the allowance, at least one row.
        assertThat(burst).isLessThanOrEqualTo(2);
    }

    @Test
    void rowsGivenBackCanBeClaimedAgainAndTheWaitSaysWhenTheNextRowIsDue() {
        load.set(Load.STRAINED);
        claimFor(5000);
        assertThat(allowance.take(32)).isZero();
        long wait = allowance.waitNanos();
        assertThat(wait).isPositive().isLessThanOrEqualTo(100 * MS);
        now.addAndGet(wait);
        int taken = allowance.take(32);
        assertThat(taken).isEqualTo(1);
        allowance.giveBack(taken);
        assertThat(allowance.take(32)).isEqualTo(1);
    }
}
