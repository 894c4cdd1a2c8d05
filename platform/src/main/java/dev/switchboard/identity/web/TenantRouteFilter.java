package dev.switchboard.identity.web;

import dev.switchboard.identity.AuthenticatedUser;
import dev.switchboard.identity.Authenticator;
import dev.switchboard.shared.ProblemResponses;
import dev.switchboard.shared.TenantRole;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.Tenants;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Guards {@code /api/v1/tenants/{slug}/...}: the caller must be a member of that tenant (or a platform
 * operator). Non-members get the same 404 as an unknown tenant, so tenants cannot be discovered. For members,
 * the request runs inside the tenant's {@link TenantScope} with the role's authorities, which is what lets
 * row-level security show that tenant's rows and nothing else.
 */
class TenantRouteFilter extends OncePerRequestFilter {

    private static final Pattern TENANT_ROUTE = Pattern.compile("^/api/v1/tenants/([^/]+)(/.*)?$");
    /** Decodes the path as Spring MVC matches it, so {@code /api/v1/%74enants/...} cannot slip past this guard. */
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final Tenants tenants;
    private final Authenticator authenticator;

    TenantRouteFilter(Tenants tenants, Authenticator authenticator) {
        this.tenants = tenants;
        this.authenticator = authenticator;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher route = TENANT_ROUTE.matcher(PATHS.getPathWithinApplication(request));
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!route.matches() || authentication == null || !(authentication.getPrincipal() instanceof AuthenticatedUser user)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<TenantDefinition> tenant = tenants.find(route.group(1));
        Optional<TenantRole> role = tenant.flatMap(t -> authenticator.roleIn(t.id(), user));
        if (role.isEmpty()) {
            ProblemResponses.write(response, 404, "Not found", "tenant not found");
            return;
        }
        List<GrantedAuthority> authorities = new ArrayList<>(authentication.getAuthorities());
        role.get().grantedAuthorities().forEach(a -> authorities.add(new SimpleGrantedAuthority(a)));
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, authorities));
        try {
            TenantScope.callChecked(tenant.get().id(), user.id(), () -> {
                chain.doFilter(request, response);
                return null;
            });
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }
}
