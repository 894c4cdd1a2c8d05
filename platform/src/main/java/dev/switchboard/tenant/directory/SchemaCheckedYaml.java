package dev.switchboard.tenant.directory;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.serialization.NodeReader;
import com.networknt.schema.serialization.node.TokenStreamLocationAware;
import dev.switchboard.tenant.TenantProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Parses YAML keeping each node's line, and validates it against one of the published JSON Schemas, so every
 * problem can name the file, the line and the field.
 */
final class SchemaCheckedYaml {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final NodeReader LOCATING_READER = NodeReader.builder().locationAware().build();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private SchemaCheckedYaml() {
    }

    /** Parses {@code content} and validates it against {@code schemas/<schemaName>}; throws with every problem. */
    static JsonNode read(String slug, String file, String content, String schemaName) throws InvalidTenantDirectory {
        JsonNode node;
        try {
            node = LOCATING_READER.readTree(content, InputFormat.YAML);
        } catch (JacksonException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNr() : -1;
            throw new InvalidTenantDirectory(List.of(new TenantProblem(slug, file, line > 0 ? line : null, "",
                    "not valid YAML: " + e.getOriginalMessage(), Instant.now())));
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new InvalidTenantDirectory(List.of(new TenantProblem(slug, file, 1, "", "the file is empty", Instant.now())));
        }
        List<TenantProblem> problems = new ArrayList<>();
        for (Error error : schema(schemaName).validate(node)) {
            problems.add(new TenantProblem(slug, file, lineOf(error), pointerOf(error), error.getMessage(), Instant.now()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidTenantDirectory(problems);
        }
        return node;
    }

    private static Schema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            try (InputStream in = SchemaCheckedYaml.class.getResourceAsStream("/schemas/" + n)) {
                if (in == null) {
                    throw new IllegalStateException("schema not on the classpath: schemas/" + n);
                }
                return REGISTRY.getSchema(in, InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String pointerOf(Error error) {
        String path = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        if (path.startsWith("$")) {
            path = path.substring(1).replace('.', '/').replaceAll("\\[(\\d+)]", "/$1");
        }
        if (error.getProperty() != null && !path.endsWith("/" + error.getProperty())) {
            path = path + "/" + error.getProperty();
        }
        return path;
    }

    /** The line of the offending field when the error names one, else of the node the error is about. */
    private static Integer lineOf(Error error) {
        JsonNode node = error.getInstanceNode();
        if (node != null && error.getProperty() != null && node.has(error.getProperty())) {
            node = node.get(error.getProperty());
        }
        if (node instanceof TokenStreamLocationAware located && located.tokenStreamLocation() != null) {
            int line = located.tokenStreamLocation().getLineNr();
            return line > 0 ? line : null;
        }
        return null;
    }
}
