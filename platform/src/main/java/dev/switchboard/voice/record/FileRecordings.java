package dev.switchboard.voice.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Recordings as files under {@code SWITCHBOARD_HOME/recordings}; calls record straight into that folder. */
public final class FileRecordings implements RecordingStore {

    private final Path root;

    public FileRecordings(Path root) {
        this.root = root;
    }

    /** Where a call in progress records to. */
    public Path live(String key) {
        Path file = resolve(key);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public String keep(String key, Path finishedFile) {
        Path target = resolve(key);
        try {
            if (!finishedFile.equals(target)) {
                Files.createDirectories(target.getParent());
                Files.move(finishedFile, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String key, long from, long to) {
        try {
            FileChannel channel = FileChannel.open(resolve(key));
            channel.position(from);
            return new java.io.FilterInputStream(Channels.newInputStream(channel)) {
                private long left = to - from + 1;

                @Override
                public int read() throws IOException {
                    return left-- > 0 ? super.read() : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(b, off, (int) Math.min(len, left));
                    left -= Math.max(0, n);
                    return n;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long size(String key) {
        try {
            return Files.size(resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path resolve(String key) {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("recording key outside the recordings folder: " + key);
        }
        return file;
    }
}
