package dev.switchboard.workspace.assignment;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Round robin among the least loaded: of the agents under their capacity, the one with the fewest open
 * conversations; among equals, the one who waited longest since their last automatic assignment (never
 * assigned comes first). It remembers its own picks, so one batch spreads over several agents.
 */
final class AgentPicker {

    private static final Instant NEVER = Instant.EPOCH;

    private final Collection<UUID> candidates;
    private final Map<UUID, Integer> loads;
    private final Map<UUID, Instant> lastAssigned;
    private final int capacity;

    AgentPicker(Collection<UUID> candidates, Map<UUID, Integer> loads, Map<UUID, Instant> lastAssigned, int capacity) {
        this.candidates = candidates;
        this.loads = new HashMap<>(loads);
        this.lastAssigned = new HashMap<>(lastAssigned);
        this.capacity = capacity;
    }

    Optional<UUID> next(Instant now) {
        Optional<UUID> pick = candidates.stream()
                .filter(agent -> load(agent) < capacity)
                .min(Comparator.comparingInt(this::load)
                        .thenComparing(agent -> lastAssigned.getOrDefault(agent, NEVER))
                        .thenComparing(UUID::toString));
        pick.ifPresent(agent -> {
            loads.merge(agent, 1, Integer::sum);
            lastAssigned.put(agent, now);
        });
        return pick;
    }

    private int load(UUID agent) {
        return loads.getOrDefault(agent, 0);
    }
}
