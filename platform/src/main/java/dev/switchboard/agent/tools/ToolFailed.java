package dev.switchboard.agent.tools;

/**
 * A tool call that did not succeed. The message is shown to the model and in the workspace, so it never carries a
 * fetched body. {@code outcomeUnknown}: the request may have been applied (a timeout after sending).
 */
public class ToolFailed extends Exception {

    private final boolean outcomeUnknown;

    public ToolFailed(String message, boolean outcomeUnknown) {
        super(message);
        this.outcomeUnknown = outcomeUnknown;
    }

    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
