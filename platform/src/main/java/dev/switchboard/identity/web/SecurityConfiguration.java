package dev.switchboard.identity.web;

import dev.switchboard.identity.Authenticator;
import dev.switchboard.shared.ProblemResponses;
import dev.switchboard.tenant.Tenants;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Deny by default: only the routes listed here are public, everything else needs a valid access token, and
 * tenant routes additionally need membership (TenantRouteFilter) and a role (@PreAuthorize on each handler).
 * No cookie ever authenticates, so there is nothing for CSRF to ride on; tokens travel in headers only.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Public routes: sign-in, invitations, health, docs, static apps, and edges that verify their own callers. */
    static final String[] PUBLIC = {
            "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout", "/api/v1/invitations/accept",
            "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/api/docs", "/api/docs/**",
            "/", "/app", "/app/**", "/widget.js", "/widget.js.map", "/demo/**", "/webchat/**", "/webhooks/**", "/ws/**",
            "/favicon.ico", "/error"
    };

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self' ws: wss:; font-src 'self' data:; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, Authenticator authenticator, Tenants tenants,
                            SecurityProperties properties) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .cors(c -> c.configurationSource(cors(properties.corsAllowedOrigins())))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), geolocation=(), microphone=(self)")))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> ProblemResponses.write(res, 401, "Unauthorized",
                                "sign in first: this route needs a valid access token"))
                        .accessDeniedHandler((req, res, ex) -> ProblemResponses.write(res, 403, "Forbidden",
                                "your role does not allow this action")))
                .addFilterBefore(new BearerTokenFilter(authenticator), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new TenantRouteFilter(tenants, authenticator), BearerTokenFilter.class);
        return http.build();
    }

    private static UrlBasedCorsConfigurationSource cors(List<String> origins) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(origins);
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept-Language"));
        config.setAllowCredentials(false);
        config.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", config);
        return source;
    }
}
