package dev.switchboard.conversation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records the application events that really happened: an event published inside a transaction counts only
 * once that transaction commits, so a rolled-back attempt (a losing duplicate) leaves no trace here. It is
 * attached to the shared test context at runtime and detached by {@link #close()}, so the context stays the same.
 */
public final class CommittedEvents implements ApplicationListener<ApplicationEvent>, AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final List<Object> events = new CopyOnWriteArrayList<>();

    private CommittedEvents(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static CommittedEvents attach(ConfigurableApplicationContext context) {
        CommittedEvents recorder = new CommittedEvents(context);
        context.addApplicationListener(recorder);
        return recorder;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (!(event instanceof PayloadApplicationEvent<?> payload)) {
            return;
        }
        Object value = payload.getPayload();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.add(value);
                }
            });
        } else {
            events.add(value);
        }
    }

    public <T> List<T> of(Class<T> type) {
        return of(type, e -> true);
    }

    public <T> List<T> of(Class<T> type, Predicate<T> filter) {
        return events.stream().filter(type::isInstance).map(type::cast).filter(filter).toList();
    }

    /** Waits until at least {@code count} matching events were committed (listeners may run after commit). */
    public <T> List<T> await(Class<T> type, Predicate<T> filter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (of(type, filter).size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return of(type, filter);
    }

    @Override
    public void close() {
        context.removeApplicationListener(this);
    }
}
