package dev.switchboard.agent;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** A turn in progress. Cancelling (the caller barged in) stops the model's stream; no reply is sent. */
public interface TurnHandle {

    UUID turnId();

    void cancel();

    CompletableFuture<TurnOutcome> completion();
}
