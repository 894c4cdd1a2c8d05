package dev.switchboard.voice.pipeline.llm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A test agent that answers from a script on its own thread, streaming the reply word by word with a small delay,
 * and records every turn and cancellation.
 */
public final class ScriptedAgent implements ConversationAgent {

    private final Function<String, String> answers;
    private final long millisPerWord;
    public final List<AgentTurn> turns = new CopyOnWriteArrayList<>();
    public final List<String> cancelled = new CopyOnWriteArrayList<>();

    public ScriptedAgent(Function<String, String> answers, long millisPerWord) {
        this.answers = answers;
        this.millisPerWord = millisPerWord;
    }

    @Override
    public AgentReply respond(AgentTurn turn, ReplyListener listener) {
        turns.add(turn);
        AtomicBoolean stop = new AtomicBoolean();
        Thread.ofVirtual().start(() -> {
            for (String word : answers.apply(turn.userText()).split("(?<= )")) {
                if (stop.get()) {
                    return;
                }
                listener.text(word);
                sleep(millisPerWord);
            }
            listener.completed();
        });
        return () -> {
            stop.set(true);
            cancelled.add(turn.userText());
        };
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
