package dev.switchboard.shared;

import java.util.List;
import java.util.Locale;

/**
 * A user's role in one tenant. Roles nest: an owner may do what an admin may, an admin what an agent may.
 * Each role grants the Spring Security authorities of itself and every role below it.
 */
public enum TenantRole {
    AGENT, ADMIN, OWNER;

    public static final String AGENT_AUTHORITY = "tenant:agent";
    public static final String ADMIN_AUTHORITY = "tenant:admin";
    public static final String OWNER_AUTHORITY = "tenant:owner";

    public String authority() {
        return "tenant:" + name().toLowerCase(Locale.ROOT);
    }

    public List<String> grantedAuthorities() {
        return java.util.Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal()).map(TenantRole::authority).toList();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TenantRole fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
