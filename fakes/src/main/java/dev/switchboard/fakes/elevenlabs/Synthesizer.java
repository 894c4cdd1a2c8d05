package dev.switchboard.fakes.elevenlabs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Text to {@code ulaw_8000} audio for the fake. Implementations must be thread-safe. */
@FunctionalInterface
public interface Synthesizer {

    byte[] ulaw8000(String text);

    /**
     * Real speech from Debian's flite (the voice synthesised at 16 kHz) converted by sox to 8 kHz mu-law with a
     * proper resampler; both are installed by {@code voice-pipeline/prepare.sh}. The same text gives the same audio,
     * so it is kept ({@link #remembering}): an agent says its greeting and holding phrases on every call, and two
     * processes per sentence made the fake the heaviest part of a many-call benchmark.
     */
    static Synthesizer flite(String voice) {
        return remembering(uncachedFlite(voice), 2_000);
    }

    /** The audio of up to {@code max} texts kept; beyond that the least recently used is forgotten. */
    static Synthesizer remembering(Synthesizer synthesizer, int max) {
        java.util.Map<String, byte[]> known = java.util.Collections.synchronizedMap(
                new java.util.LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(java.util.Map.Entry<String, byte[]> eldest) {
                        return size() > max;
                    }
                });
        return text -> {
            byte[] audio = known.get(text);
            if (audio == null) {
                audio = synthesizer.ulaw8000(text);
                known.put(text, audio);
            }
            return audio.clone();
        };
    }

    private static Synthesizer uncachedFlite(String voice) {
        return text -> {
            try {
                Path wav = Files.createTempFile("fake-elevenlabs-", ".wav");
                try {
                    run(List.of("flite", "-voice", voice, "-t", text, "-o", wav.toString()));
                    return run(List.of("sox", wav.toString(), "-r", "8000", "-e", "mu-law", "-t", "raw", "-"));
                } finally {
                    Files.deleteIfExists(wav);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static byte[] run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] output = process.getInputStream().readAllBytes();
        try {
            if (process.waitFor() != 0) {
                throw new IOException(command.getFirst() + " failed with exit code " + process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return output;
    }
}
