package dev.switchboard.agent.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The built-ins share one contract: string arguments only, the required ones enforced, nothing else accepted. */
class BuiltInToolsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Tool> builtIns = List.of(ControlTool.handoff(), ControlTool.endConversation(),
            ControlTool.endCall(), new TravelTimeTool(null, null, "https://maps.example"), new AddressTool(null, null));

    @Test
    void everyBuiltInIsSafeToRepeatAndNeedsNoVerifiedCustomer() {
        assertThat(builtIns).allSatisfy(tool -> {
            assertThat(tool.safeToRepeat()).isTrue();
            assertThat(tool.requiresVerifiedCustomer()).isFalse();
            assertThat(tool.parameters().path("additionalProperties").asBoolean(true)).isFalse();
        });
        assertThat(builtIns).extracting(Tool::name).containsExactly("handoff_to_human", "end_conversation",
                "end_call", "get_travel_time", "normalize_address");
    }

    @Test
    void requiredArgumentsAreEnforcedAndUnknownOnesRefused() {
        Tool travel = builtIns.get(3);
        assertThat(ArgumentCheck.problems(travel.parameters(), JSON.readTree("{\"origin\":\"a\",\"destination\":\"b\"}"))).isEmpty();
        assertThat(ArgumentCheck.problems(travel.parameters(), JSON.readTree("{\"origin\":\"a\"}"))).isNotEmpty();
        assertThat(ArgumentCheck.problems(builtIns.get(4).parameters(), JSON.readTree("{\"address\":\"ab\"}")))
                .as("an address shorter than 3 characters").isNotEmpty();
        assertThat(ArgumentCheck.problems(builtIns.get(0).parameters(), JSON.readTree("{\"reason\":\"upset\",\"tenant\":\"x\"}")))
                .isNotEmpty();
        assertThat(ArgumentCheck.problems(builtIns.get(1).parameters(), JSON.readTree("{}"))).isEmpty();
    }
}
