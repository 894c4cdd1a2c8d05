package dev.switchboard.tenant.directory;

import com.networknt.schema.serialization.node.TokenStreamLocationAware;
import dev.switchboard.tenant.AgentDefaults;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.TenantProblem;
import dev.switchboard.tenant.ToolDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads one tenant directory into a {@link TenantDefinition}: every file validated against its schema, then the
 * cross-file rules (the prompt file exists, enabled tools exist, tool names match their files, placeholders
 * name declared endpoints, the flow's tools, formatters and slots exist: {@link FlowReferences}). All problems
 * are collected, so one reload reports everything that is wrong.
 */
final class TenantDirectoryReader {

    /** Tools the platform provides itself; a tenant may enable them without a file of its own. */
    static final Set<String> BUILT_IN_TOOLS = Set.of("handoff_to_human", "end_conversation", "end_call",
            "get_travel_time", "normalize_address");

    private static final Pattern ENDPOINT_PLACEHOLDER = Pattern.compile("\\{endpoint:([a-z][a-z0-9_]*)}");
    private static final long MAX_FILE_BYTES = 512 * 1024;

    private final Path root;
    private final TenantsProperties properties;

    TenantDirectoryReader(TenantsProperties properties) {
        this.root = properties.directory();
        this.properties = properties;
    }

    TenantDefinition read(String slug) throws InvalidTenantDirectory {
        Path dir = root.resolve(slug);
        Map<String, String> files = readFiles(slug, dir);
        List<TenantProblem> problems = new ArrayList<>();

        JsonNode tenant = collect(problems, () -> SchemaCheckedYaml.read(slug, slug + "/tenant.yaml",
                require(slug, files, "tenant.yaml"), "tenant.schema.json"));
        List<ToolDefinition> tools = readTools(slug, files, problems);
        Map<String, JsonNode> formatters = readFormatters(slug, files, problems);
        JsonNode flow = files.containsKey("flow.yaml")
                ? collect(problems, () -> SchemaCheckedYaml.read(slug, slug + "/flow.yaml", files.get("flow.yaml"), "flow.schema.json"))
                : MissingNode.getInstance();
        if (tenant == null) {
            throw new InvalidTenantDirectory(problems);
        }
        String promptFile = tenant.path("agent").path("systemPromptFile").asString();
        String prompt = files.get(promptFile);
        if (prompt == null) {
            problems.add(problem(slug, "tenant.yaml", tenant, "/agent/systemPromptFile",
                    "the prompt file " + promptFile + " does not exist in the tenant directory"));
        }
        ZoneId zone = zone(slug, tenant, problems);
        Map<String, TenantDefinition.Endpoint> endpoints = endpoints(slug, tenant);
        checkToolReferences(slug, tenant, tools, formatters, endpoints, problems);
        if (flow != null && flow.isObject()) {
            problems.addAll(FlowReferences.check(slug, flow, tools, formatters));
        }
        if (!problems.isEmpty() || flow == null) {
            throw new InvalidTenantDirectory(problems);
        }
        return new TenantDefinition(TenantDefinition.idFor(slug), slug, tenant.path("name").asString(),
                strings(tenant.path("languages")), zone,
                agentDefaults(tenant.path("agent")), prompt, List.copyOf(tools), Map.copyOf(formatters), flow,
                endpoints, tenant, dir, digest(files));
    }

    private List<ToolDefinition> readTools(String slug, Map<String, String> files, List<TenantProblem> problems) {
        List<ToolDefinition> tools = new ArrayList<>();
        files.forEach((name, content) -> {
            if (name.startsWith("tools/") && name.endsWith(".yaml")) {
                JsonNode node = collect(problems, () -> SchemaCheckedYaml.read(slug, slug + "/" + name, content, "tool.schema.json"));
                if (node == null) {
                    return;
                }
                String expected = name.substring("tools/".length(), name.length() - ".yaml".length());
                if (!expected.equals(node.path("name").asString())) {
                    problems.add(problem(slug, name, node, "/name", "the tool name must match its file name (" + expected + ")"));
                }
                tools.add(tool(node));
            }
        });
        return tools;
    }

    private Map<String, JsonNode> readFormatters(String slug, Map<String, String> files, List<TenantProblem> problems) {
        Map<String, JsonNode> formatters = new TreeMap<>();
        files.forEach((name, content) -> {
            if (name.startsWith("formatters/") && name.endsWith(".yaml")) {
                JsonNode node = collect(problems, () -> SchemaCheckedYaml.read(slug, slug + "/" + name, content, "formatter.schema.json"));
                if (node != null) {
                    formatters.put(node.path("name").asString(), node);
                }
            }
        });
        return formatters;
    }

    private void checkToolReferences(String slug, JsonNode tenant, List<ToolDefinition> tools,
                                     Map<String, JsonNode> formatters, Map<String, TenantDefinition.Endpoint> endpoints,
                                     List<TenantProblem> problems) {
        JsonNode enabled = tenant.path("agent").path("enabledTools");
        for (int i = 0; i < enabled.size(); i++) {
            String name = enabled.get(i).asString();
            if (!BUILT_IN_TOOLS.contains(name) && tools.stream().noneMatch(t -> t.name().equals(name))) {
                problems.add(problem(slug, "tenant.yaml", tenant, "/agent/enabledTools/" + i,
                        "no tool named " + name + " (neither tools/" + name + ".yaml nor a built-in)"));
            }
        }
        for (ToolDefinition tool : tools) {
            String file = "tools/" + tool.name() + ".yaml";
            Matcher m = ENDPOINT_PLACEHOLDER.matcher(tool.request().toString());
            while (m.find()) {
                if (!endpoints.containsKey(m.group(1))) {
                    problems.add(problem(slug, file, tool.document(), "/request/url",
                            "the endpoint " + m.group(1) + " is not declared under endpoints in tenant.yaml"));
                }
            }
            String formatter = tool.response().path("formatter").asString(null);
            if (formatter != null && !formatters.containsKey(formatter)) {
                problems.add(problem(slug, file, tool.document(), "/response/formatter",
                        "no formatter named " + formatter + " in formatters/"));
            }
        }
    }

    private static ZoneId zone(String slug, JsonNode tenant, List<TenantProblem> problems) {
        try {
            return ZoneId.of(tenant.path("timezone").asString());
        } catch (java.time.DateTimeException e) {
            problems.add(problem(slug, "tenant.yaml", tenant, "/timezone", "unknown time zone: " + e.getMessage()));
            return null;
        }
    }

    private static ToolDefinition tool(JsonNode node) {
        return new ToolDefinition(node.path("name").asString(), node.path("description").asString(),
                node.path("parameters"), node.path("request"), Duration.ofMillis(node.path("timeoutMs").asLong(5000)),
                node.path("safeToRepeat").asBoolean(false), node.path("requiresVerifiedCustomer").asBoolean(true),
                node.path("verifiesCustomer"), stringMap(node.path("references")), stringMap(node.path("argumentRefs")),
                node.path("response"), node);
    }

    private static AgentDefaults agentDefaults(JsonNode agent) {
        Map<String, String> greeting = new LinkedHashMap<>(stringMap(agent.path("greeting")));
        return new AgentDefaults(agent.path("provider").asString("anthropic"), agent.path("model").asString(),
                agent.path("fallbackModel").asString(null), agent.path("baseUrl").asString(null),
                agent.path("temperature").asDouble(0.3), agent.path("maxTokens").asInt(1024),
                agent.path("sessionExpiryMinutes").asInt(30), Map.copyOf(greeting),
                agent.path("systemPromptFile").asString(), strings(agent.path("enabledTools")),
                agent.path("fallbackToFlow").asBoolean(true));
    }

    private Map<String, TenantDefinition.Endpoint> endpoints(String slug, JsonNode tenant) {
        Map<String, TenantDefinition.Endpoint> endpoints = new TreeMap<>();
        tenant.path("endpoints").properties().forEach(e -> endpoints.put(e.getKey(), new TenantDefinition.Endpoint(
                properties.endpointUrl(slug, e.getKey(), e.getValue().path("url").asString()),
                properties.privateAllowed(slug, e.getKey()))));
        return Map.copyOf(endpoints);
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
        return Map.copyOf(map);
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(n -> values.add(n.asString()));
        return List.copyOf(values);
    }

    static TenantProblem problem(String slug, String file, JsonNode document, String pointer, String message) {
        JsonNode at = document.at(pointer);
        Integer line = at instanceof TokenStreamLocationAware located && located.tokenStreamLocation() != null
                ? located.tokenStreamLocation().getLineNr() : null;
        return new TenantProblem(slug, slug + "/" + file, line, pointer, message, Instant.now());
    }

    private interface Parse {
        JsonNode run() throws InvalidTenantDirectory;
    }

    private static JsonNode collect(List<TenantProblem> problems, Parse parse) {
        try {
            return parse.run();
        } catch (InvalidTenantDirectory e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static String require(String slug, Map<String, String> files, String name) throws InvalidTenantDirectory {
        String content = files.get(name);
        if (content == null) {
            throw new InvalidTenantDirectory(List.of(new TenantProblem(slug, slug + "/" + name, null, "",
                    "missing: every tenant directory needs a " + name, Instant.now())));
        }
        return content;
    }

    /** Every regular file of the directory, by relative path, in a stable order. */
    private static Map<String, String> readFiles(String slug, Path dir) throws InvalidTenantDirectory {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir, 3)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String relative = dir.relativize(path).toString().replace('\\', '/');
                if (relative.startsWith(".") || relative.contains("/.") || relative.endsWith("~")) {
                    continue;
                }
                if (Files.size(path) > MAX_FILE_BYTES) {
                    throw new InvalidTenantDirectory(List.of(new TenantProblem(slug, slug + "/" + relative, null, "",
                            "file larger than " + MAX_FILE_BYTES + " bytes", Instant.now())));
                }
                files.put(relative, Files.readString(path, StandardCharsets.UTF_8));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InvalidTenantDirectory(List.of(new TenantProblem(slug, slug, null, "",
                    "cannot read the directory: " + e.getMessage(), Instant.now())));
        }
        return files;
    }

    private static String digest(Map<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((name, content) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(content.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
