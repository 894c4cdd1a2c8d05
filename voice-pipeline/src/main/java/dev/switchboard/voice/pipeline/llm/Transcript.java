package dev.switchboard.voice.pipeline.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The call's transcript, shared by the stages that write it (user turns, the assistant's spoken text, tool calls)
 * and read by the LLM stage as history. Listeners let the platform persist each entry as it is recorded.
 */
public final class Transcript {

    private final List<TranscriptEntry> entries = new ArrayList<>();
    private final List<Consumer<TranscriptEntry>> listeners = new CopyOnWriteArrayList<>();

    public Transcript onEntry(Consumer<TranscriptEntry> listener) {
        listeners.add(listener);
        return this;
    }

    public void record(TranscriptEntry entry) {
        synchronized (entries) {
            entries.add(entry);
        }
        listeners.forEach(listener -> listener.accept(entry));
    }

    public List<TranscriptEntry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }
}
