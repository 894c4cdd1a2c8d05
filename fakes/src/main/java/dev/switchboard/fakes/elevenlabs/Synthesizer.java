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
     * proper resampler; both are installed by {@code voice-pipeline/prepare.sh}.
     */
    static Synthesizer flite(String voice) {
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
