package dev.switchboard.workspace.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentPickerTest {

    private static final UUID ANA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID CAL = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void theLeastLoadedAgentComesFirst() {
        AgentPicker picker = new AgentPicker(List.of(ANA, BEN), Map.of(ANA, 2, BEN, 1), Map.of(), 5);
        assertThat(picker.next(NOW)).contains(BEN);
    }

    @Test
    void amongEquallyLoadedAgentsTheOneWaitingLongestComesFirst() {
        AgentPicker picker = new AgentPicker(List.of(ANA, BEN, CAL), Map.of(),
                Map.of(ANA, NOW.minusSeconds(10), BEN, NOW.minusSeconds(300)), 5);
        assertThat(picker.next(NOW)).as("never assigned").contains(CAL);
        assertThat(picker.next(NOW)).contains(BEN);
        assertThat(picker.next(NOW)).contains(ANA);
    }

    @Test
    void aBatchGoesRoundTheAgentsAndStopsAtTheirCapacity() {
        AgentPicker picker = new AgentPicker(List.of(ANA, BEN), Map.of(), Map.of(), 2);
        List<UUID> picks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            picker.next(NOW.plusSeconds(i)).ifPresent(picks::add);
        }
        assertThat(picks).containsExactly(ANA, BEN, ANA, BEN);
    }

    @Test
    void nobodyOnlineMeansNobodyIsPicked() {
        assertThat(new AgentPicker(List.of(), Map.of(), Map.of(), 5).next(NOW)).isEmpty();
    }
}
