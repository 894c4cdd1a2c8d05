package dev.switchboard.agent;

import dev.switchboard.TenantsFolder;
import dev.switchboard.tenant.Tenants;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Edits one tenant's files on the running platform for a test class and waits until each edit is served (reloads
 * are debounced); {@link #restore()} puts the original files back and waits for them in turn.
 */
public final class TenantEdits {

    private static final Duration RELOAD = Duration.ofSeconds(20);

    private final TenantsFolder folder;
    private final Tenants tenants;
    private final String slug;
    private String lastEdited;

    public TenantEdits(TenantsFolder folder, Tenants tenants, String slug) {
        this.folder = folder;
        this.tenants = tenants;
        this.slug = slug;
    }

    public void tenantYaml(UnaryOperator<String> edit) {
        file("tenant.yaml", edit);
    }

    /**
     * Applies {@code edit} to a file of the tenant and waits until the edited version serves without problems; an edit
     * that changes nothing returns at once.
     */
    public void file(String name, UnaryOperator<String> edit) {
        String before = folder.read(slug, name);
        String after = edit.apply(before);
        if (after.equals(before)) {
            return;
        }
        String version = version();
        folder.write(slug, name, after);
        await(() -> !version().equals(version) && tenants.problems(slug).isEmpty(), "the edit of " + name + " to serve");
        lastEdited = version();
    }

    public void restore() {
        folder.restore(slug);
        // Waits for the version after the last edit to be replaced, rather than for the version served before the
        // first edit: that one may have been another test's edit whose own restore had not been served yet.
        if (lastEdited != null) {
            String edited = lastEdited;
            lastEdited = null;
            await(() -> !version().equals(edited) && tenants.problems(slug).isEmpty(), "the original files to serve");
        }
    }

    private String version() {
        return tenants.find(slug).orElseThrow().version();
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + RELOAD.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + RELOAD.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }
}
