package dev.switchboard.webchat.site;

import dev.switchboard.tenant.TenantDefinition;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A tenant's web chat as it applies now: the origins whose pages may run its widget and the hosts its replies
 * may link to.
 */
public record Site(TenantDefinition tenant, Set<String> origins, List<String> linkHosts) {

    /** Exact match on scheme, host and port, the way browsers send {@code Origin}. */
    public boolean allows(String origin) {
        return origin != null && origins.contains(origin.toLowerCase(Locale.ROOT));
    }
}
