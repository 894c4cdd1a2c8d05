package dev.switchboard.agent.tools;

import dev.switchboard.agent.tools.net.OutboundRequest;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.TenantSecrets;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code normalize_address}: the closest known addresses to what the customer said. A Pinecone index (integrated
 * embedding, text search) when the tenant has a {@code pinecone_api_key} and a {@code pinecone_index} endpoint (the
 * index host); otherwise the tenant's business API ({@code GET /v1/addresses/normalize?q=}).
 */
final class AddressTool implements Tool {

    static final String PINECONE_ENDPOINT = "pinecone_index";
    private static final String NAMESPACE = "addresses";

    private final BusinessApi api;
    private final TenantSecrets secrets;

    AddressTool(BusinessApi api, TenantSecrets secrets) {
        this.api = api;
        this.secrets = secrets;
    }

    @Override
    public String name() {
        return "normalize_address";
    }

    @Override
    public String description() {
        return "Check or correct an address the customer gave: returns the closest known addresses with a score.";
    }

    @Override
    public JsonNode parameters() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        schema.putObject("properties").putObject("address").put("type", "string").put("minLength", 3)
                .put("maxLength", 200).put("description", "The address as the customer said it.");
        schema.putArray("required").add("address");
        return schema.put("additionalProperties", false);
    }

    @Override
    public boolean safeToRepeat() {
        return true;
    }

    @Override
    public boolean requiresVerifiedCustomer() {
        return false;
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public ToolResponse invoke(ToolInvocation invocation) throws ToolFailed {
        String address = invocation.arguments().path("address").asString("");
        TenantDefinition tenant = invocation.context().tenant();
        var key = secrets.reveal(tenant.id(), "pinecone_api_key");
        TenantDefinition.Endpoint index = tenant.endpoints().get(PINECONE_ENDPOINT);
        if (key.isPresent() && index != null) {
            return ToolResponse.of(pinecone(address, key.get(), index));
        }
        return ToolResponse.of(api.get(invocation.context(), "/v1/addresses/normalize", Map.of("q", address), timeout()));
    }

    private JsonNode pinecone(String address, String key, TenantDefinition.Endpoint index) throws ToolFailed {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("query").put("top_k", 3).putObject("inputs").put("text", address);
        body.putArray("fields").add("address").add("lat").add("lng");
        URI uri = URI.create(index.url().replaceAll("/+$", "") + "/records/namespaces/" + NAMESPACE + "/search");
        JsonNode answer = api.send(new OutboundRequest("POST", uri, Map.of("Api-Key", key, "Content-Type", "application/json",
                "X-Pinecone-API-Version", "2025-04", "Accept", "application/json"),
                api.json().writeValueAsBytes(body), timeout(), 64 * 1024, index.privateNetworkAllowed()));
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode matches = result.putArray("matches");
        for (JsonNode hit : answer.path("result").path("hits")) {
            ObjectNode match = matches.addObject().put("address", hit.path("fields").path("address").asString(""))
                    .put("score", hit.path("_score").asDouble());
            if (hit.path("fields").has("lat")) {
                match.put("lat", hit.path("fields").path("lat").asDouble()).put("lng", hit.path("fields").path("lng").asDouble());
            }
        }
        return result;
    }
}
