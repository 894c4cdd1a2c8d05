package dev.switchboard.fakes.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a bug in a fake into a visible 500 and a log line instead of a silently dropped connection, and always
 * closes the exchange.
 */
final class GuardedHandler implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(GuardedHandler.class.getName());

    private final HttpHandler delegate;

    GuardedHandler(HttpHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            delegate.handle(exchange);
        } catch (IOException e) {
            // The client went away (a timeout, a cancelled stream): nothing left to answer.
            LOG.log(Level.FINE, "client connection closed", e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "fake failed on " + exchange.getRequestURI(), e);
            answerServerError(exchange, e);
        }
    }

    private static void answerServerError(HttpExchange exchange, RuntimeException e) {
        if (exchange.getResponseCode() != -1) {
            return;
        }
        try {
            Responses.text(exchange, 500, "fake server error: " + e);
        } catch (IOException ignored) {
            // Nothing more can be done for this client.
        }
    }
}
