package dev.switchboard.identity.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param corsAllowedOrigins origins whose browser scripts may call the API (none by default: same origin only) */
@ConfigurationProperties("switchboard.security")
record SecurityProperties(List<String> corsAllowedOrigins) {

    SecurityProperties {
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of()
                : corsAllowedOrigins.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
