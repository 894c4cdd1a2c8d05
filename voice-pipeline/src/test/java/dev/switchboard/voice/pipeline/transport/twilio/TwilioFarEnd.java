package dev.switchboard.voice.pipeline.transport.twilio;

import dev.switchboard.voice.pipeline.transport.MessageSink;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twilio's side of a Media Stream, as far as the transport can tell: it plays received audio at 8000 bytes a
 * second, echoes each mark when playback reaches it, and on {@code clear} drops its buffer and echoes every
 * pending mark at once (as Twilio does), remembering which echoes were cleared.
 */
public final class TwilioFarEnd implements MessageSink {

    private static final Pattern EVENT = Pattern.compile("\"event\":\"(\\w+)\"");
    private static final Pattern PAYLOAD = Pattern.compile("\"payload\":\"([^\"]*)\"");
    private static final Pattern NAME = Pattern.compile("\"name\":\"([^\"]*)\"");

    public final List<String> sent = new CopyOnWriteArrayList<>();
    public final List<String> playedMarks = new CopyOnWriteArrayList<>();
    public final List<String> clearedMarks = new CopyOnWriteArrayList<>();
    private final Map<String, Thread> pendingEchoes = new ConcurrentHashMap<>();
    private TwilioMediaStream stream;
    private long playedUntilNanos;
    public volatile boolean closed;

    public void attach(TwilioMediaStream stream) {
        this.stream = stream;
    }

    public void connect(Map<String, String> parameters) {
        stream.onMessage("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
        StringBuilder custom = new StringBuilder();
        parameters.forEach((k, v) -> custom.append(custom.isEmpty() ? "" : ",").append('"').append(k).append("\":\"")
                .append(v).append('"'));
        stream.onMessage("{\"event\":\"start\",\"sequenceNumber\":\"1\",\"streamSid\":\"MZ1\",\"start\":{\"accountSid\":"
                + "\"AC1\",\"streamSid\":\"MZ1\",\"callSid\":\"CA1\",\"tracks\":[\"inbound\"],\"customParameters\":{"
                + custom + "},\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1}}}");
    }

    public void sendAudio(byte[] mulaw, int chunk) {
        stream.onMessage("{\"event\":\"media\",\"sequenceNumber\":\"" + (chunk + 1) + "\",\"streamSid\":\"MZ1\",\"media\":"
                + "{\"track\":\"inbound\",\"chunk\":\"" + chunk + "\",\"timestamp\":\"" + chunk * 20 + "\",\"payload\":\""
                + Base64.getEncoder().encodeToString(mulaw) + "\"}}");
    }

    @Override
    public synchronized void send(String text) {
        sent.add(text);
        String event = find(EVENT, text);
        long now = System.nanoTime();
        switch (event) {
            case "media" -> playedUntilNanos = Math.max(playedUntilNanos, now)
                    + Base64.getDecoder().decode(find(PAYLOAD, text)).length * 125_000L;
            case "mark" -> scheduleEcho(find(NAME, text), Math.max(0, playedUntilNanos - now));
            case "clear" -> clear(now);
            default -> { }
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    public List<String> events(String event) {
        List<String> matching = new ArrayList<>();
        for (String message : sent) {
            if (find(EVENT, message).equals(event)) {
                matching.add(message);
            }
        }
        return matching;
    }

    public int indexOfFirst(String event) {
        for (int i = 0; i < sent.size(); i++) {
            if (find(EVENT, sent.get(i)).equals(event)) {
                return i;
            }
        }
        return -1;
    }

    private void scheduleEcho(String name, long delayNanos) {
        pendingEchoes.put(name, Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(delayNanos / 1_000_000);
            } catch (InterruptedException e) {
                return;
            }
            if (pendingEchoes.remove(name) != null) {
                playedMarks.add(name);
                echo(name);
            }
        }));
    }

    private void clear(long now) {
        playedUntilNanos = now;
        for (String name : List.copyOf(pendingEchoes.keySet())) {
            Thread timer = pendingEchoes.remove(name);
            if (timer != null) {
                timer.interrupt();
                clearedMarks.add(name);
                echo(name);
            }
        }
    }

    private void echo(String name) {
        stream.onMessage("{\"event\":\"mark\",\"sequenceNumber\":\"9\",\"streamSid\":\"MZ1\",\"mark\":{\"name\":\"" + name + "\"}}");
    }

    /** Everything the bot played, as one mu-law stream. */
    public byte[] playedAudio() {
        java.io.ByteArrayOutputStream audio = new java.io.ByteArrayOutputStream();
        for (String message : events("media")) {
            audio.writeBytes(Base64.getDecoder().decode(find(PAYLOAD, message)));
        }
        return audio.toByteArray();
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : "";
    }
}
