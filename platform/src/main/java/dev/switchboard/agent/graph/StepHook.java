package dev.switchboard.agent.graph;

import java.util.UUID;

/**
 * Lets a test stop a turn between two steps as a crash would: an {@link Error} thrown here skips every cleanup,
 * and the turn's rows are left exactly as a dead node would leave them.
 */
@FunctionalInterface
interface StepHook {

    StepHook NONE = (turn, step) -> {
    };

    void after(UUID turnId, String step);
}
