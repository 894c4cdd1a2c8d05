package dev.switchboard.shared.db;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * Runs asynchronous event listeners ({@code @ApplicationModuleListener}) on virtual threads, at most a third of
 * the connection pool at a time. Such a listener holds a connection for its own transaction, and one that opens
 * another (REQUIRES_NEW, e.g. to work inside the event's tenant) needs a second: unbounded, a burst of events
 * had every pooled connection held by a listener waiting for its second one, and the whole platform stalled
 * until the pool's 30-second timeout. Waiting for a slot happens inside the listener's thread, never in the
 * publisher's, which may still hold its own transaction's connection.
 */
@Configuration(proxyBeanMethods = false)
class ListenerExecutor implements AsyncConfigurer {

    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("event-listener-", 0).factory());
    private final Semaphore slots;

    ListenerExecutor(DatabaseProperties properties) {
        this.slots = new Semaphore(Math.max(2, properties.poolSize() / 3));
    }

    @Override
    public Executor getAsyncExecutor() {
        return task -> threads.execute(() -> {
            slots.acquireUninterruptibly();
            try {
                task.run();
            } finally {
                slots.release();
            }
        });
    }
}
