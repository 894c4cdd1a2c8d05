package dev.switchboard.fakes.meta;

/**
 * How the fake applies the 24-hour customer-service window to free-form (non-template) messages. Meta usually
 * accepts the send and reports 131047 later in a {@code failed} status; some sends are refused at once.
 */
public enum WindowRule {
    /** No window: every message is accepted (the default, so tests need not record inbound messages). */
    OFF,
    /** Outside the window the send is refused with 131047 at once. */
    REJECT,
    /** Outside the window the send is accepted, then reported {@code failed} with 131047 by status callback. */
    FAIL_BY_STATUS
}
