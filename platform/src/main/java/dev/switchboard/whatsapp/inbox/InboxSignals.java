package dev.switchboard.whatsapp.inbox;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Which tenants may have due inbox rows: a tenant is queued at most once. The node that stored events signals at
 * once; a periodic sweep signals every tenant, which picks up retries, expired leases and other nodes' rows.
 */
@Component
class InboxSignals {

    private final BlockingQueue<UUID> ready = new LinkedBlockingQueue<>();
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();

    void workArrived(UUID tenantId) {
        if (queued.add(tenantId)) {
            ready.offer(tenantId);
        }
    }

    /** The next tenant to look at, or null after {@code timeoutMillis}. Taken off the queue before claiming. */
    UUID next(long timeoutMillis) throws InterruptedException {
        UUID tenant = ready.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (tenant != null) {
            queued.remove(tenant);
        }
        return tenant;
    }
}
