package dev.switchboard.webchat.site;

import dev.switchboard.shared.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The widget's HTTP routes ({@code /webchat/{tenant}/session|config}) answer only pages on the tenant's allowed
 * origins. This runs before Spring Security, whose CORS filter would otherwise answer the preflight itself
 * without knowing the tenant's origins, and refuses a foreign origin before any handler reads anything.
 */
class WidgetOriginFilter extends OncePerRequestFilter {

    private static final Pattern ROUTE = Pattern.compile("^/webchat/([a-z0-9][a-z0-9-]{0,62})/(session|config)$");

    private final Sites sites;

    WidgetOriginFilter(Sites sites) {
        this.sites = sites;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher route = ROUTE.matcher(request.getRequestURI());
        if (!route.matches()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Site> site = sites.find(route.group(1));
        if (site.isEmpty()) {
            ProblemResponses.write(response, 404, "Not found", "no web chat for this tenant");
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            // Browsers always send Origin on POST and on cross-origin reads; only a same-origin read of the
            // public configuration (the platform's own demo page) comes without one.
            if (!"config".equals(route.group(2)) || !"GET".equals(request.getMethod())) {
                ProblemResponses.write(response, 403, "Forbidden", "the Origin header is required");
                return;
            }
        } else if (!site.get().allows(origin)) {
            ProblemResponses.write(response, 403, "Forbidden", "this site is not allowed to use this web chat");
            return;
        } else {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.addHeader("Vary", "Origin");
        }
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            response.setHeader("Access-Control-Allow-Methods", "GET, POST");
            response.setHeader("Access-Control-Allow-Headers", "Content-Type");
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(204);
            return;
        }
        chain.doFilter(request, response);
    }
}
