package dev.switchboard.agent.tools.net;

/** An outbound request that was not sent because its target is not allowed. The message names no fetched content. */
public class OutboundRefused extends Exception {

    public OutboundRefused(String message) {
        super(message);
    }
}
