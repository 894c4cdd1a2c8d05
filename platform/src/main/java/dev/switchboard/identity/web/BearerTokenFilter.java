package dev.switchboard.identity.web;

import dev.switchboard.identity.AuthenticatedUser;
import dev.switchboard.identity.Authenticator;
import dev.switchboard.shared.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <access token>}. A request that presents a token which does not
 * verify is refused outright (401), rather than silently treated as anonymous.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String PLATFORM_OPERATOR = "platform:operator";

    private final Authenticator authenticator;

    BearerTokenFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AuthenticatedUser> user = authenticator.authenticate(header.substring(7).strip());
        if (user.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            ProblemResponses.write(response, 401, "Unauthorized", "the access token is invalid, expired or revoked");
            return;
        }
        var authorities = user.get().platformOperator()
                ? List.of(new SimpleGrantedAuthority(PLATFORM_OPERATOR)) : List.<SimpleGrantedAuthority>of();
        var authentication = new UsernamePasswordAuthenticationToken(user.get(), null, authorities);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }
}
