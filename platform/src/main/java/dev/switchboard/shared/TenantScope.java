package dev.switchboard.shared;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The tenant (and, where known, the user) the current code acts for. Every transaction opened inside a scope
 * carries it to PostgreSQL, whose row-level security then shows only that tenant's rows; outside a scope a
 * query sees no tenant rows at all.
 *
 * <p>Backed by {@link ScopedValue}, so a scope can never leak to the next request a pooled thread serves.
 */
public final class TenantScope {

    private static final ScopedValue<UUID> TENANT = ScopedValue.newInstance();
    private static final ScopedValue<UUID> USER = ScopedValue.newInstance();

    private TenantScope() {
    }

    public static Optional<UUID> currentTenant() {
        return TENANT.isBound() ? Optional.of(TENANT.get()) : Optional.empty();
    }

    /** The current tenant; fails loudly when code that needs one runs outside a tenant scope. */
    public static UUID requireTenant() {
        if (!TENANT.isBound()) {
            throw new IllegalStateException("no tenant scope: this code must run inside TenantScope.run/call");
        }
        return TENANT.get();
    }

    public static Optional<UUID> currentUser() {
        return USER.isBound() ? Optional.of(USER.get()) : Optional.empty();
    }

    public static void run(UUID tenantId, Runnable work) {
        ScopedValue.where(TENANT, tenantId).run(work);
    }

    public static <T> T call(UUID tenantId, Callable<T> work) {
        try {
            return ScopedValue.where(TENANT, tenantId).call(work::call);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs work for {@code tenantId}: binds it when no tenant is bound, and refuses when another tenant is, since
     * that would be one tenant's code path touching another's data.
     */
    public static <T> T within(UUID tenantId, Callable<T> work) {
        if (TENANT.isBound()) {
            if (!TENANT.get().equals(tenantId)) {
                throw new IllegalStateException("tenant scope mismatch: bound to " + TENANT.get() + ", asked for " + tenantId);
            }
            try {
                return work.call();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return call(tenantId, work);
    }

    /** Runs work for a user with no tenant chosen: only the user's own cross-tenant rows (memberships) show. */
    public static <T> T callAsUser(UUID userId, Callable<T> work) {
        try {
            return ScopedValue.where(USER, userId).call(work::call);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Binds tenant and user for work that may throw checked exceptions (servlet filters). */
    public static <T, X extends Exception> T callChecked(UUID tenantId, UUID userId, ScopedValue.CallableOp<T, X> work) throws X {
        ScopedValue.Carrier carrier = ScopedValue.where(TENANT, tenantId);
        if (userId != null) {
            carrier = carrier.where(USER, userId);
        }
        return carrier.call(work);
    }
}
