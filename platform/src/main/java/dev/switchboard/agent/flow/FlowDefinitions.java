package dev.switchboard.agent.flow;

import dev.switchboard.tenant.TenantDefinition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Parsed flows by tenant directory version: a reloaded directory gets a fresh matcher, others are reused. */
@Component
class FlowDefinitions {

    private final Map<String, FlowDefinition> byVersion = new ConcurrentHashMap<>();

    FlowDefinition of(TenantDefinition tenant) {
        if (byVersion.size() > 256) {
            byVersion.clear();
        }
        return byVersion.computeIfAbsent(tenant.id() + "|" + tenant.version(), v -> FlowDefinition.of(tenant.flow()));
    }
}
