package dev.switchboard.voice.record;

import dev.switchboard.voice.pipeline.audio.MuLaw;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Records a call as a 16-bit stereo WAV at 8 kHz, the caller on the left and the agent on the right, appended to
 * disk as the call runs. The caller's frames keep the time: Twilio sends one every 20 ms, silence included, so
 * each caller frame is written beside the agent audio that was played during it (or silence). The header's
 * sizes are filled in when the recording closes; until then the file is a valid WAV of unknown length to most
 * players.
 */
public final class StereoRecorder implements AutoCloseable {

    private static final int HEADER = 44;
    private static final int RATE = 8000;

    private final Path file;
    private final FileChannel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<byte[]> agent = new ArrayDeque<>();
    private byte[] agentPartial = new byte[0];
    private long dataBytes;
    private boolean closed;

    public StereoRecorder(Path file) {
        this.file = file;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            channel.write(header(0), 0);
            channel.position(HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the recording " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Audio the agent played (from the stream sent to Twilio). */
    public void agentAudio(byte[] mulaw) {
        lock.lock();
        try {
            if (!closed) {
                agent.add(mulaw.clone());
            }
        } finally {
            lock.unlock();
        }
    }

    /** A frame of the caller's audio; writes it with the agent audio of the same span. */
    public void callerAudio(byte[] mulaw) {
        lock.lock();
        try {
            if (!closed) {
                write(mulaw, takeAgent(mulaw.length));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes what the agent still had queued, patches the header and returns the file's size. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            while (!agent.isEmpty() || agentPartial.length > 0) {
                byte[] rest = takeAgent(160);
                byte[] silence = new byte[rest.length];
                java.util.Arrays.fill(silence, MuLaw.SILENCE);
                write(silence, rest);
            }
            closed = true;
            channel.write(header(dataBytes), 0);
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }

    public long bytes() {
        return HEADER + dataBytes;
    }

    private byte[] takeAgent(int length) {
        byte[] out = new byte[length];
        java.util.Arrays.fill(out, MuLaw.SILENCE);
        int filled = 0;
        while (filled < length) {
            if (agentPartial.length == 0) {
                if (agent.isEmpty()) {
                    break;
                }
                agentPartial = agent.poll();
            }
            int n = Math.min(length - filled, agentPartial.length);
            System.arraycopy(agentPartial, 0, out, filled, n);
            agentPartial = java.util.Arrays.copyOfRange(agentPartial, n, agentPartial.length);
            filled += n;
        }
        return out;
    }

    private void write(byte[] left, byte[] right) {
        short[] l = MuLaw.decode(left);
        short[] r = MuLaw.decode(right);
        ByteBuffer frame = ByteBuffer.allocate(l.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < l.length; i++) {
            frame.putShort(l[i]).putShort(i < r.length ? r[i] : 0);
        }
        frame.flip();
        try {
            while (frame.hasRemaining()) {
                dataBytes += channel.write(frame);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recording " + file, e);
        }
    }

    static ByteBuffer header(long dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes()).putInt((int) Math.min(0xFFFFFFFFL, 36 + dataBytes)).put("WAVE".getBytes());
        h.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(RATE).putInt(RATE * 4)
                .putShort((short) 4).putShort((short) 16);
        h.put("data".getBytes()).putInt((int) Math.min(0xFFFFFFFFL, dataBytes));
        return h.flip();
    }
}
