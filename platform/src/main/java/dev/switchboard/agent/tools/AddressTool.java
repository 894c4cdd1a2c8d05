package dev.switchboard.agent.tools;

import dev.switchboard.agent.tools.net.OutboundRequest;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.TenantSecrets;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code normalize_address}: the closest known addresses to what the customer said. A Pinecone index (a vector query
 * of namespace {@code addresses}, embedded with {@link TrigramEmbedding}) when the tenant has a
 * {@code pinecone_api_key} secret and a {@code pinecone_index} endpoint (the index host); otherwise the tenant's
 * business API ({@code GET /v1/addresses/normalize?q=}).
 */
final class AddressTool extends BuiltInTool {

    static final String PINECONE_ENDPOINT = "pinecone_index";
    private static final String NAMESPACE = "addresses";

    private final BusinessApi api;
    private final TenantSecrets secrets;

    AddressTool(BusinessApi api, TenantSecrets secrets) {
        super("normalize_address", "Check or correct an address the customer gave: returns the closest known "
                + "addresses with a score.", schema(List.of("address"),
                new StringArgument("address", 3, 200, "The address as the customer said it.")), Duration.ofSeconds(5));
        this.api = api;
        this.secrets = secrets;
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

    /** A vector query of the index's {@code addresses} namespace; the records' metadata carries the canonical address. */
    private JsonNode pinecone(String address, String key, TenantDefinition.Endpoint index) throws ToolFailed {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode vector = body.putArray("vector");
        for (float value : TrigramEmbedding.of(address)) {
            vector.add(value);
        }
        body.put("topK", 3).put("namespace", NAMESPACE).put("includeMetadata", true).put("includeValues", false);
        URI uri = URI.create(index.url().replaceAll("/+$", "") + "/query");
        JsonNode answer = api.send(new OutboundRequest("POST", uri, Map.of("Api-Key", key, "Content-Type", "application/json",
                "X-Pinecone-API-Version", "2025-04", "Accept", "application/json"),
                api.json().writeValueAsBytes(body), timeout(), 64 * 1024, index.privateNetworkAllowed()));
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode matches = result.putArray("matches");
        for (JsonNode hit : answer.path("matches")) {
            JsonNode metadata = hit.path("metadata");
            ObjectNode match = matches.addObject().put("address", metadata.path("address").asString(""))
                    .put("score", Math.round(hit.path("score").asDouble() * 1000) / 1000.0);
            if (metadata.has("lat") && metadata.has("lng")) {
                match.put("lat", metadata.path("lat").asDouble()).put("lng", metadata.path("lng").asDouble());
            }
        }
        return result.put("source", "pinecone");
    }
}
