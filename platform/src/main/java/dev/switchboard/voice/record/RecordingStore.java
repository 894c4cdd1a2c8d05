package dev.switchboard.voice.record;

import java.io.InputStream;
import java.nio.file.Path;

/** Where finished recordings are kept; keys are {@code <tenant>/<call>.wav}. */
public interface RecordingStore {

    /** Takes the finished file (it may be moved or deleted) and returns its key. */
    String keep(String key, Path finishedFile);

    /** The bytes {@code [from, to]} (inclusive) of a recording of {@code size} bytes. */
    InputStream open(String key, long from, long to);

    long size(String key);
}
