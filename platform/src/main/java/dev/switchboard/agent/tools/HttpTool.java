package dev.switchboard.agent.tools;

import dev.switchboard.agent.tools.net.GuardedHttpClient;
import dev.switchboard.agent.tools.net.OutboundRefused;
import dev.switchboard.agent.tools.net.OutboundRequest;
import dev.switchboard.agent.tools.net.OutboundResponse;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.tenant.ToolDefinition;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** A tenant's declarative tool ({@code tools/<name>.yaml}): one templated HTTP request to the tenant's systems. */
final class HttpTool implements Tool {

    private static final Pattern LEADING_ENDPOINT = Pattern.compile("^\\{endpoint:([a-z][a-z0-9_]*)}");
    private static final int DEFAULT_MAX_BYTES = 64 * 1024;

    private final ToolDefinition definition;
    private final GuardedHttpClient http;
    private final TenantSecrets secrets;
    private final JsonMapper json;

    HttpTool(ToolDefinition definition, GuardedHttpClient http, TenantSecrets secrets, JsonMapper json) {
        this.definition = definition;
        this.http = http;
        this.secrets = secrets;
        this.json = json;
    }

    ToolDefinition definition() {
        return definition;
    }

    @Override
    public String name() {
        return definition.name();
    }

    @Override
    public String description() {
        return definition.description();
    }

    @Override
    public JsonNode parameters() {
        return definition.parameters();
    }

    @Override
    public boolean safeToRepeat() {
        return definition.safeToRepeat();
    }

    @Override
    public boolean requiresVerifiedCustomer() {
        return definition.requiresVerifiedCustomer();
    }

    @Override
    public Duration timeout() {
        return definition.timeout();
    }

    @Override
    public String formatter() {
        return definition.response().path("formatter").asString(null);
    }

    @Override
    public ToolResponse invoke(ToolInvocation invocation) throws ToolFailed {
        JsonNode request = definition.request();
        Placeholders.Values values = key -> value(invocation, key);
        String method = request.path("method").asString("GET");
        String url = Placeholders.url(request.path("url").asString(), values) + query(request.path("query"), values);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Accept-Language", invocation.context().language());
        for (var header : request.path("headers").properties()) {
            headers.put(header.getKey(), Placeholders.text(header.getValue().asString(), values));
        }
        byte[] body = null;
        if (!method.equals("GET") && !method.equals("DELETE")) {
            JsonNode template = request.has("body") ? request.get("body") : JsonNodeFactory.instance.objectNode();
            body = json.writeValueAsBytes(Placeholders.body(template, values));
            headers.put("Content-Type", "application/json");
        }
        int maxBytes = definition.response().path("maxBytes").asInt(DEFAULT_MAX_BYTES);
        OutboundRequest outbound = new OutboundRequest(method, uri(url), headers, body, timeout(), maxBytes,
                privateAllowed(invocation.context().tenant()));
        return ToolResponse.of(send(outbound, !method.equals("GET")));
    }

    private JsonNode send(OutboundRequest outbound, boolean changesState) throws ToolFailed {
        OutboundResponse response;
        try {
            response = http.send(outbound);
        } catch (OutboundRefused e) {
            throw new ToolFailed("request refused: " + e.getMessage(), false);
        } catch (HttpTimeoutException e) {
            throw new ToolFailed("the service did not answer in time", changesState);
        } catch (IOException e) {
            throw new ToolFailed("the service could not be reached", changesState);
        }
        if (!response.successful()) {
            throw new ToolFailed("the service answered HTTP " + response.status(), false);
        }
        try {
            return response.body().length == 0 ? JsonNodeFactory.instance.objectNode() : json.readTree(response.body());
        } catch (JacksonException e) {
            throw new ToolFailed("the service answered something that is not JSON", false);
        }
    }

    private boolean privateAllowed(TenantDefinition tenant) {
        Matcher m = LEADING_ENDPOINT.matcher(definition.request().path("url").asString());
        return m.find() && tenant.endpoints().containsKey(m.group(1)) && tenant.endpoints().get(m.group(1)).privateNetworkAllowed();
    }

    private static String query(JsonNode query, Placeholders.Values values) throws ToolFailed {
        StringBuilder out = new StringBuilder();
        for (var parameter : query.properties()) {
            out.append(out.isEmpty() ? "?" : "&").append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(Placeholders.text(parameter.getValue().asString(), values),
                            StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static URI uri(String url) throws ToolFailed {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ToolFailed("the tool's URL is not valid", false);
        }
    }

    private JsonNode value(ToolInvocation invocation, String key) {
        var context = invocation.context();
        var nodes = JsonNodeFactory.instance;
        int colon = key.indexOf(':');
        int dot = key.indexOf('.');
        if (key.startsWith("endpoint:")) {
            var endpoint = context.tenant().endpoints().get(key.substring(colon + 1));
            return endpoint == null ? null : nodes.stringNode(endpoint.url().replaceAll("/+$", ""));
        }
        if (key.startsWith("secret:")) {
            return secrets.reveal(context.tenant().id(), key.substring(colon + 1)).map(nodes::stringNode).orElse(null);
        }
        String name = key.substring(dot + 1);
        return switch (key.substring(0, dot)) {
            case "args" -> invocation.arguments().get(name);
            case "customer" -> switch (name) {
                case "id" -> nodes.stringNode(context.contact().customerRef());
                case "name" -> nodes.stringNode(context.contact().customerName());
                default -> null;
            };
            case "conversation" -> name.equals("id") ? nodes.stringNode(context.conversationId().toString()) : null;
            default -> null;
        };
    }
}
