package dev.switchboard.agent;

/**
 * What a caller of {@link AgentTurns#stream} hears while the turn runs. Called from the turn's own thread; keep
 * each callback short (hand audio synthesis to another thread).
 */
public interface TurnListener {

    /** A piece of reply text, in order. Text that precedes a tool call is streamed too. */
    default void onTextDelta(String delta) {
    }

    /** A tool started, e.g. to play a holding phrase on a call. */
    default void onToolCallStarted(String callId, String toolName) {
    }

    /** @param status ok, error, refused or unknown */
    default void onToolCallFinished(String callId, String toolName, String status) {
    }

    /** The turn ended; {@link TurnOutcome#endCall()} tells a voice caller to hang up after speaking. */
    default void onFinished(TurnOutcome outcome) {
    }

    /** The channel's additions to this turn (instructions, tools, context); none by default. */
    default TurnOptions options() {
        return TurnOptions.NONE;
    }

    TurnListener NONE = new TurnListener() {
    };
}
