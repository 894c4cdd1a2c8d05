package dev.switchboard;

import dev.switchboard.fakes.acme.AcmeBusinessApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Prepares, once per JVM, what every integration test runs against: a throw-away SWITCHBOARD_HOME, a writable
 * copy of the repository's {@code tenants/} plus the test tenant {@code globex}, an ephemeral embedded
 * PostgreSQL, fixed secrets (so tests can forge correctly signed tokens) and the Acme business API fake.
 * Being the same initializer for every {@link PlatformTest}, it keeps Spring's context cache to one context.
 */
public final class TestPlatform implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DEMO_PASSWORD = "Demo-pass-for-tests-7";
    public static final String BUSINESS_API_TOKEN = "acme-business-api-test-token";
    /** Base64 of 32 bytes; the access tokens' HMAC key in tests. */
    public static final String JWT_SECRET = "c3dpdGNoYm9hcmQtdGVzdC1qd3Qtc2VjcmV0LTMyYnk=";
    public static final String MASTER_KEY = "c3dpdGNoYm9hcmQtdGVzdC1tYXN0ZXIta2V5LTMyYnk=";
    public static final String ALLOWED_ORIGIN = "https://dashboard.switchboard.test";
    public static final long MAX_BODY_BYTES = 1_048_576;

    private static Installation installation;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Installation install = installation();
        Map<String, Object> properties = new HashMap<>();
        properties.put("switchboard.home", install.home().toString());
        properties.put("switchboard.master-key", MASTER_KEY);
        properties.put("switchboard.auth.jwt-secret", JWT_SECRET);
        properties.put("switchboard.database.url", "");
        properties.put("switchboard.database.embedded.ephemeral", "true");
        properties.put("switchboard.database.pool-size", "12");
        properties.put("switchboard.tenants.directory", install.tenants().toString());
        properties.put("switchboard.tenants.watch", "true");
        properties.put("switchboard.tenants.endpoints.acme.business_api", install.businessApi().baseUrl().toString());
        properties.put("switchboard.tenants.private-endpoints", "acme.business_api");
        properties.put("switchboard.security.cors-allowed-origins", ALLOWED_ORIGIN);
        properties.put("switchboard.http.max-body-bytes", String.valueOf(MAX_BODY_BYTES));
        properties.put("switchboard.demo.enabled", "true");
        properties.put("switchboard.demo.tenant", "acme");
        properties.put("switchboard.demo.password", DEMO_PASSWORD);
        properties.put("switchboard.demo.business-api-token", BUSINESS_API_TOKEN);
        properties.put("server.forward-headers-strategy", "none");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("switchboard-test-platform", properties));
    }

    /** The per-JVM installation, created on first use. */
    public static synchronized Installation installation() {
        if (installation == null) {
            installation = install();
        }
        return installation;
    }

    /**
     * @param tenants          the folder the application serves (tests may edit it; hot reload picks edits up)
     * @param pristineTenants  an untouched copy to restore edited files from
     */
    public record Installation(Path home, Path tenants, Path pristineTenants, AcmeBusinessApi businessApi) {
    }

    private static Installation install() {
        try {
            Path root = Files.createTempDirectory("switchboard-test-");
            Path home = Files.createDirectories(root.resolve("home"));
            Path tenants = root.resolve("tenants");
            copyTree(repositoryTenants(), tenants);
            copyTree(fixtureTenant("globex"), tenants.resolve("globex"));
            Path pristine = root.resolve("tenants-pristine");
            copyTree(tenants, pristine);
            AcmeBusinessApi businessApi = AcmeBusinessApi.start(0, BUSINESS_API_TOKEN);
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
                businessApi.close();
                deleteTree(root);
            }));
            return new Installation(home, tenants, pristine, businessApi);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the test installation", e);
        }
    }

    /** The repository's tenants/ folder, found from the module's working directory upwards. */
    private static Path repositoryTenants() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("tenants/acme/tenant.yaml"))) {
                return dir.resolve("tenants");
            }
        }
        throw new IllegalStateException("cannot find the repository's tenants/ folder above " + Path.of("").toAbsolutePath());
    }

    /** A tenant directory under src/test/resources/tenants. */
    public static Path fixtureTenant(String slug) {
        URL url = TestPlatform.class.getResource("/tenants/" + slug + "/tenant.yaml");
        if (url == null) {
            throw new IllegalStateException("no test tenant " + slug + " on the classpath");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at JVM exit
        }
    }
}
