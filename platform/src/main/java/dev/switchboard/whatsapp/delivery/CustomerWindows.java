package dev.switchboard.whatsapp.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 24-hour customer service window per customer of the current tenant. The inbox opens and extends it when
 * it claims a customer's message (before the message is routed, so before any reply to it).
 */
@Repository
@Transactional(readOnly = true)
class CustomerWindows {

    static final Duration WINDOW = Duration.ofHours(24);

    private final JdbcClient jdbc;

    CustomerWindows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> lastInbound(String waId) {
        return jdbc.sql("select last_inbound_at from whatsapp_customer_windows where wa_id = :wa")
                .param("wa", waId).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    static boolean open(Optional<Instant> lastInbound, Instant now) {
        return lastInbound.map(at -> at.plus(WINDOW).isAfter(now)).orElse(false);
    }
}
