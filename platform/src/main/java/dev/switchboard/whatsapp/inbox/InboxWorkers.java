package dev.switchboard.whatsapp.inbox;

import dev.switchboard.shared.TenantScope;
import dev.switchboard.whatsapp.account.WhatsAppAccount;
import dev.switchboard.whatsapp.account.WhatsAppAccounts;
import dev.switchboard.whatsapp.account.WhatsAppProperties;
import dev.switchboard.whatsapp.intake.EventIntake;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Processes the inbox on every node: workers claim due rows of a signalled tenant (FOR UPDATE SKIP LOCKED, so
 * two nodes never hold the same row), hand each to the intake, and mark it done, or due again later with back-off,
 * or dead after too many attempts. A claimed row is leased: a node that dies mid-way lets it fall due again, and
 * processing twice is harmless because the router and the status log ignore what they have already seen.
 */
@Component
class InboxWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxWorkers.class);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration FLUSH_EVERY = Duration.ofSeconds(1);

    private final WhatsAppInbox inbox;
    private final InboxClaims claims;
    private final InboxRetries retries;
    private final InboxSignals signals;
    private final EventIntake intake;
    private final WhatsAppAccounts accounts;
    private final WhatsAppProperties properties;
    private final InboxConnections connections;
    private final InboxWriter writer;
    private final ClaimAllowance allowance;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    InboxWorkers(WhatsAppInbox inbox, InboxClaims claims, InboxRetries retries, InboxSignals signals, EventIntake intake,
                 WhatsAppAccounts accounts, WhatsAppProperties properties, InboxConnections connections,
                 InboxWriter writer) {
        this.connections = connections;
        this.writer = writer;
        this.inbox = inbox;
        this.claims = claims;
        this.retries = retries;
        this.signals = signals;
        this.intake = intake;
        this.accounts = accounts;
        this.properties = properties;
        this.allowance = new ClaimAllowance(System::nanoTime, this::load);
    }

    /** Catches what no local signal announced: retries falling due, expired leases, rows stored by other nodes. */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void sweep() {
        if (running) {
            accounts.declared().stream().filter(WhatsAppAccount::connected).map(WhatsAppAccount::tenantId)
                    .forEach(signals::workArrived);
        }
    }

    @Scheduled(fixedDelay = 6 * 3600 * 1000L, initialDelay = 60_000)
    void purge() {
        for (WhatsAppAccount account : accounts.declared()) {
            int removed = TenantScope.call(account.tenantId(), () -> inbox.purge(properties.retention()));
            if (removed > 0) {
                log.info("removed {} processed WhatsApp inbox rows of {} older than {}", removed, account.slug(),
                        properties.retention());
            }
        }
    }

    private void loop() {
        while (running) {
            try {
                UUID tenant = signals.next(500);
                if (tenant != null) {
                    TenantScope.run(tenant, () -> drain(tenant));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("WhatsApp inbox worker: {}", e.toString());
            }
        }
    }

    private void drain(UUID tenant) {
        int allowed = awaitAllowance();
        if (allowed == 0) {
            return; // stopping
        }
        InboxClaims.Claim claim = claims.claim(allowed, LEASE);
        allowance.giveBack(allowed - claim.claimed());
        if (claim.claimed() == allowed) {
            signals.workArrived(tenant);
        }
        List<Long> done = new ArrayList<>();
        long flushed = System.nanoTime();
        for (ClaimedEvent event : claim.messages()) {
            if (process(event)) {
                done.add(event.id());
            }
            if (System.nanoTime() - flushed > FLUSH_EVERY.toNanos()) {
                inbox.complete(List.copyOf(done));
                done.clear();
                flushed = System.nanoTime();
            }
        }
        inbox.complete(done);
    }

    /** Rows this worker may claim now (at most a batch), waiting for the allowance; 0 if interrupted. */
    private int awaitAllowance() {
        while (running) {
            int allowed = allowance.take(properties.claimBatch());
            if (allowed > 0) {
                return allowed;
            }
            try {
                Thread.sleep(Duration.ofNanos(Math.max(1_000_000L, allowance.waitNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
        return 0;
    }

    /**
     * Backpressure: webhooks waiting long for their write, or more threads waiting for a shared connection than the
     * pool has, mean the machine or the database is full; claiming more would only add work that competes with
     * acknowledging webhooks.
     */
    private ClaimAllowance.Load load() {
        if (writer.strained() || connections.sharedPoolCrowded()) {
            return ClaimAllowance.Load.STRAINED;
        }
        return writer.quiet() ? ClaimAllowance.Load.IDLE : ClaimAllowance.Load.HEALTHY;
    }

    private boolean process(ClaimedEvent event) {
        try {
            intake.handle(event.kind(), event.payload(), event.attempts());
            return true;
        } catch (RuntimeException e) {
            retries.failed(event, e);
            return false;
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < properties.workers(); i++) {
            workers.add(Thread.ofVirtual().name("whatsapp-inbox-worker-" + i).start(this::loop));
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Thread worker : workers) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
