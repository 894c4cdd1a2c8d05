package dev.switchboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The tenants folder the running platform serves and watches. Writes are atomic renames, as careful editors
 * and deploy tools make them, so the watcher never reads half a file; {@link #restore(String)} puts a tenant's
 * original files back.
 */
public final class TenantsFolder {

    private final Path root;
    private final Path pristine;
    private final Path staging;

    TenantsFolder(TestPlatform.Installation installation) {
        this.root = installation.tenants();
        this.pristine = installation.pristineTenants();
        this.staging = installation.tenants().resolveSibling("tenants-staging");
    }

    public Path root() {
        return root;
    }

    public String read(String slug, String file) {
        try {
            return Files.readString(root.resolve(slug).resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(String slug, String file, String content) {
        try {
            Files.createDirectories(staging);
            Path target = root.resolve(slug).resolve(file);
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(staging, "write", ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String slug, String file) {
        try {
            Files.deleteIfExists(root.resolve(slug).resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts every original file of {@code slug} back (changed or deleted ones) and removes added ones. */
    public void restore(String slug) {
        Path original = pristine.resolve(slug);
        try (Stream<Path> files = Files.walk(root.resolve(slug))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!Files.exists(original.resolve(root.resolve(slug).relativize(file).toString()))) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> files = Files.walk(original)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = original.relativize(file).toString();
                String content = Files.readString(file, StandardCharsets.UTF_8);
                if (!Files.exists(root.resolve(slug).resolve(relative)) || !read(slug, relative).equals(content)) {
                    write(slug, relative, content);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds a whole tenant directory at once: copied from {@code source} into a staging folder, then renamed
     * into the tenants folder, so the platform never sees it half-copied.
     */
    public void addTenant(String slug, Path source) {
        addTenant(slug, source, yaml -> yaml);
    }

    /** Like {@link #addTenant(String, Path)}, with {@code tenant.yaml} edited on the way in. */
    public void addTenant(String slug, Path source, java.util.function.UnaryOperator<String> editTenantYaml) {
        try {
            Path staged = staging.resolve(slug);
            TestPlatform.copyTree(source, staged);
            Path yaml = staged.resolve("tenant.yaml");
            Files.writeString(yaml, editTenantYaml.apply(Files.readString(yaml, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            Files.move(staged, root.resolve(slug), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void removeTenant(String slug) {
        try (Stream<Path> paths = Files.walk(root.resolve(slug))) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
