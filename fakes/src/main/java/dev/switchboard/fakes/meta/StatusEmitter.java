package dev.switchboard.fakes.meta;

import dev.switchboard.fakes.http.RequestLog;
import dev.switchboard.fakes.http.ShutdownSignal;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reports what happened to accepted messages as Meta does, by status webhook: {@code sent} then {@code delivered}
 * shortly after each send, or {@code failed} with the error. Every status is recorded; it is also POSTed when a
 * callback URL is configured.
 */
final class StatusEmitter {

    private static final Logger LOG = Logger.getLogger(StatusEmitter.class.getName());
    private static final Duration STEP = Duration.ofMillis(20);

    private final WebhookDriver driver;
    private final RequestLog<ObjectNode> emitted = new RequestLog<>();
    private final ShutdownSignal shutdown;

    StatusEmitter(URI callback, String appSecret, BusinessNumber number, ShutdownSignal shutdown) {
        this.driver = callback == null ? null : WebhookDriver.create(callback, appSecret, number);
        this.shutdown = shutdown;
    }

    RequestLog<ObjectNode> emitted() {
        return emitted;
    }

    void accepted(SentMessage message) {
        Thread.ofVirtual().start(() -> {
            if (message.failure() != null) {
                pause();
                emit(echoCallbackData(message, StatusUpdates.failed(message.wamid(), message.to(), message.failure())));
                return;
            }
            for (var status : new String[] {"sent", "delivered"}) {
                if (!pause()) {
                    return;
                }
                emit(echoCallbackData(message, StatusUpdates.of(message.wamid(), status, message.to())));
            }
        });
    }

    /** Meta echoes a send's {@code biz_opaque_callback_data} on every status of that message. */
    static ObjectNode echoCallbackData(SentMessage message, ObjectNode status) {
        var data = message.body().path("biz_opaque_callback_data");
        return data.isString() ? StatusUpdates.withCallbackData(status, data.asString()) : status;
    }

    void emit(ObjectNode status) {
        emitted.add(status);
        if (driver == null) {
            return;
        }
        try {
            driver.deliverStatuses(status);
        } catch (RuntimeException e) {
            // The platform may be down or restarting in a test; Meta would retry, a fake just says so.
            LOG.log(Level.INFO, "status callback failed: " + e.getMessage());
        }
    }

    private boolean pause() {
        return shutdown.sleep(STEP);
    }
}
