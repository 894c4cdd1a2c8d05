package dev.switchboard.agent.tools;

import dev.switchboard.agent.config.AgentProperties;
import dev.switchboard.agent.tools.net.GuardedHttpClient;
import dev.switchboard.conversation.Channel;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.TenantSecrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tools a conversation may use: those the tenant enabled, among its own and the built-ins. {@code end_call} is
 * offered on phone calls only and {@code end_conversation} everywhere else.
 */
@Component
public class ToolCatalog {

    private final TenantSecrets secrets;
    private final GuardedHttpClient http;
    private final JsonMapper json;
    private final List<Tool> builtIns;

    @org.springframework.beans.factory.annotation.Autowired
    ToolCatalog(TenantSecrets secrets, JsonMapper json, AgentProperties properties) {
        this(secrets, json, properties, GuardedHttpClient.system());
    }

    public ToolCatalog(TenantSecrets secrets, JsonMapper json, AgentProperties properties, GuardedHttpClient http) {
        this.secrets = secrets;
        this.http = http;
        this.json = json;
        BusinessApi api = new BusinessApi(http, secrets, json);
        this.builtIns = List.of(ControlTool.handoff(), ControlTool.endConversation(), ControlTool.endCall(),
                new TravelTimeTool(api, secrets, properties.googleMapsUrl()), new AddressTool(api, secrets));
    }

    public List<Tool> enabled(TenantDefinition tenant, List<String> enabledNames, Channel channel) {
        List<Tool> tools = new ArrayList<>();
        for (String name : enabledNames) {
            if (name.equals("end_call") && channel != Channel.VOICE
                    || name.equals("end_conversation") && channel == Channel.VOICE) {
                continue;
            }
            find(tenant, name).ifPresent(tools::add);
        }
        return tools;
    }

    /** A tool by name, whether enabled or not (the executor checks that separately). */
    public Optional<Tool> find(TenantDefinition tenant, String name) {
        Optional<Tool> own = tenant.tool(name).map(d -> new HttpTool(d, http, secrets, json));
        return own.isPresent() ? own : builtIns.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
