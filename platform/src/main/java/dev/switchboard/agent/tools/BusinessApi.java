package dev.switchboard.agent.tools;

import dev.switchboard.agent.tools.net.GuardedHttpClient;
import dev.switchboard.agent.tools.net.OutboundRefused;
import dev.switchboard.agent.tools.net.OutboundRequest;
import dev.switchboard.agent.tools.net.OutboundResponse;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.TenantSecrets;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls for the built-in tools: to the tenant's own {@code business_api} endpoint (with its
 * {@code business_api_token}), or to a third party the operator configured. Same guards as declarative tools.
 */
final class BusinessApi {

    static final String ENDPOINT = "business_api";

    private final GuardedHttpClient http;
    private final TenantSecrets secrets;
    private final JsonMapper json;

    BusinessApi(GuardedHttpClient http, TenantSecrets secrets, JsonMapper json) {
        this.http = http;
        this.secrets = secrets;
        this.json = json;
    }

    JsonNode get(ToolContext context, String path, Map<String, String> query, Duration timeout) throws ToolFailed {
        TenantDefinition.Endpoint endpoint = context.tenant().endpoints().get(ENDPOINT);
        if (endpoint == null) {
            throw new ToolFailed("this tenant has no business_api endpoint for this tool", false);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Accept-Language", context.language());
        secrets.reveal(context.tenant().id(), "business_api_token").ifPresent(t -> headers.put("Authorization", "Bearer " + t));
        String url = endpoint.url().replaceAll("/+$", "") + path + queryString(query);
        return send(new OutboundRequest("GET", URI.create(url), headers, null, timeout, 64 * 1024,
                endpoint.privateNetworkAllowed()));
    }

    JsonNode send(OutboundRequest request) throws ToolFailed {
        try {
            OutboundResponse response = http.send(request);
            if (!response.successful()) {
                throw new ToolFailed("the service answered HTTP " + response.status(), false);
            }
            return json.readTree(response.body());
        } catch (OutboundRefused e) {
            throw new ToolFailed("request refused: " + e.getMessage(), false);
        } catch (IOException e) {
            throw new ToolFailed("the service could not be reached in time", false);
        } catch (JacksonException e) {
            throw new ToolFailed("the service answered something that is not JSON", false);
        }
    }

    JsonMapper json() {
        return json;
    }

    static String queryString(Map<String, String> query) {
        StringBuilder out = new StringBuilder();
        query.forEach((k, v) -> out.append(out.isEmpty() ? "?" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
