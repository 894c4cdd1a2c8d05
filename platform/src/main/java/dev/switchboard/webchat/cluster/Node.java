package dev.switchboard.webchat.cluster;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** This node's id in fan-out notifications, so a node ignores what it published itself. */
@Component
class Node {

    private final String id = UUID.randomUUID().toString();

    String id() {
        return id;
    }
}
