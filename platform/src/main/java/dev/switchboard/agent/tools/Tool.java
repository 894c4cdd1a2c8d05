package dev.switchboard.agent.tools;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** One callable tool. Implementations must not trust their arguments: the executor validated their shape only. */
public interface Tool {

    String name();

    String description();

    /** JSON Schema of the model-supplied arguments; never tenant or customer identity. */
    JsonNode parameters();

    /** Whether a call whose outcome is unknown (crash mid-call) may simply be made again. */
    boolean safeToRepeat();

    boolean requiresVerifiedCustomer();

    Duration timeout();

    /** The formatter that renders a successful result, or null for the generic rendering. */
    default String formatter() {
        return null;
    }

    ToolResponse invoke(ToolInvocation invocation) throws ToolFailed;
}
