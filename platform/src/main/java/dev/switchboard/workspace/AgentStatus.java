package dev.switchboard.workspace;

import java.util.Locale;

/**
 * Whether an agent can take work now. ONLINE: a dashboard is open and in use. AWAY: open but idle. OFFLINE: no
 * dashboard open (or its node stopped sending heartbeats).
 */
public enum AgentStatus {
    ONLINE, AWAY, OFFLINE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
