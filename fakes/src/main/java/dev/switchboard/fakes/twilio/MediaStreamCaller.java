package dev.switchboard.fakes.twilio;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Twilio's side of a bidirectional Media Stream, in real time. Sends {@code connected}, {@code start} (with the
 * TwiML's parameters) and then one 20 ms mu-law frame every 20 ms: queued speech, else the line's noise floor ({@link LineNoise}). The platform's
 * audio is played out at 8000 bytes a second; a mark is echoed when playback reaches it, and a {@code clear} drops
 * what is queued and echoes every pending mark at once, as Twilio does.
 */
public final class MediaStreamCaller implements AutoCloseable {

    private static final int FRAME = 160;
    private static final long FRAME_NANOS = 20_000_000L;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String streamSid = "MZ" + VoiceWebhookDriver.newCallSid().substring(2);
    private final String callSid;
    private final String accountSid;
    private final Map<String, String> parameters;
    private final CallTimings timings = new CallTimings();
    private final ArrayDeque<byte[]> speech = new ArrayDeque<>();
    private final ByteArrayOutputStream heard = new ByteArrayOutputStream();
    private final List<Object[]> marks = new ArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private Thread pacer;
    private byte[] playback = new byte[0];
    private long received;
    private long played;
    private long lastMediaNanos;
    private long lastAgentAudioNanos;
    private long utteranceEndNanos;
    private long bargeInStartNanos;
    private boolean awaitingResponse;
    private boolean speaking;
    private int sequence = 1;
    private int chunk;
    private int clears;
    private int marksEchoed;
    private volatile boolean running = true;
    private final LineNoise lineNoise = new LineNoise(FRAME);
    private volatile int closeCode = -1;

    private MediaStreamCaller(String callSid, String accountSid, Map<String, String> parameters) {
        this.callSid = callSid;
        this.accountSid = accountSid;
        this.parameters = parameters;
    }

    /** Opens the stream the TwiML named and starts sending audio; {@code parameters} go in {@code start}. */
    public static MediaStreamCaller connect(URI streamUrl, String callSid, String accountSid, Map<String, String> parameters) {
        MediaStreamCaller caller = new MediaStreamCaller(callSid, accountSid, parameters);
        caller.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(streamUrl, caller.new Listener()).join();
        caller.send(caller.envelope("connected").put("protocol", "Call").put("version", "1.0.0"));
        caller.sendStart();
        caller.pacer = Thread.ofPlatform().daemon().name("twilio-caller-" + callSid.substring(2, 10)).start(caller::pace);
        return caller;
    }

    /** Queues an utterance (mu-law 8 kHz); silence follows once it has been sent. */
    public synchronized void say(byte[] mulaw) {
        for (int offset = 0; offset < mulaw.length; offset += FRAME) {
            byte[] frame = lineNoise.frame();
            System.arraycopy(mulaw, offset, frame, 0, Math.min(FRAME, mulaw.length - offset));
            speech.add(frame);
        }
    }

    /** Waits until everything queued with {@link #say} has gone out. */
    public void awaitSpoken(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (this) {
                if (speech.isEmpty() && !speaking) {
                    return;
                }
            }
            Thread.sleep(10);
        }
    }

    /**
     * Waits until the agent has spoken and then been silent for {@code quiet}; false on timeout or when the
     * platform closed the stream.
     */
    public boolean awaitAgentQuiet(Duration quiet, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && closed.getCount() > 0) {
            synchronized (this) {
                boolean idle = played >= received && lastAgentAudioNanos != 0
                        && System.nanoTime() - lastAgentAudioNanos > quiet.toNanos() && !awaitingResponse;
                if (idle) {
                    return true;
                }
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** The caller hangs up: {@code stop}, then the socket closes. */
    public void hangUp() {
        if (closed.getCount() > 0) {
            send(envelope("stop").set("stop", JSON.createObjectNode().put("accountSid", accountSid).put("callSid", callSid)));
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "hang up");
        }
        close();
    }

    /** Waits for the platform to close the stream (it hung up); the close code, or -1 on timeout. */
    public int awaitClosedByPlatform(Duration timeout) throws InterruptedException {
        closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return closeCode;
    }

    public boolean isOpen() {
        return closed.getCount() > 0;
    }

    public CallTimings timings() {
        return timings;
    }

    /** The agent's audio as the caller heard it (mu-law 8 kHz), cleared audio excluded. */
    public synchronized byte[] heardAudio() {
        return heard.toByteArray();
    }

    /** How many bytes of the agent's audio have played so far (cheap to poll). */
    public synchronized long heardBytes() {
        return heard.size();
    }

    public synchronized int clears() {
        return clears;
    }

    public synchronized int marksEchoed() {
        return marksEchoed;
    }

    @Override
    public void close() {
        running = false;
        if (pacer != null) {
            pacer.interrupt();
        }
        if (socket != null && !socket.isOutputClosed()) {
            socket.abort();
        }
        closed.countDown();
    }

    private void pace() {
        long next = System.nanoTime();
        while (running) {
            next += FRAME_NANOS;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -5 * FRAME_NANOS) {
                next = System.nanoTime(); // a long stall: keep the beat instead of bursting
            }
            if (closed.getCount() == 0) {
                return;
            }
            tick();
        }
    }

    private void tick() {
        byte[] frame;
        synchronized (this) {
            frame = nextFrame();
            playOneFrame();
        }
        ObjectNode media = envelope("media");
        media.putObject("media").put("track", "inbound").put("chunk", String.valueOf(++chunk))
                .put("timestamp", String.valueOf(chunk * 20L)).put("payload", Base64.getEncoder().encodeToString(frame));
        send(media);
    }

    /** The next frame to send, and the utterance bookkeeping that response and barge-in times need. */
    private byte[] nextFrame() {
        byte[] frame = speech.poll();
        long now = System.nanoTime();
        if (frame != null && !speaking) {
            speaking = true;
            boolean agentPlaying = played < received || now - lastAgentAudioNanos < 100_000_000L;
            bargeInStartNanos = agentPlaying ? now : 0;
        }
        if (frame == null && speaking) {
            speaking = false;
            utteranceEndNanos = now - FRAME_NANOS;
            awaitingResponse = true;
        }
        if (frame == null) {
            frame = lineNoise.frame();
        }
        return frame;
    }

    private void playOneFrame() {
        if (played < received) {
            int n = (int) Math.min(FRAME, received - played);
            int offset = (int) (played - (received - playback.length));
            heard.write(playback, offset, n);
            played += n;
            trimPlayback();
        }
        List<String> due = new ArrayList<>();
        marks.removeIf(mark -> {
            boolean reached = (long) mark[1] <= played;
            if (reached) {
                due.add((String) mark[0]);
            }
            return reached;
        });
        due.forEach(this::echoMark);
    }

    private void trimPlayback() {
        long unplayed = received - played;
        if (playback.length > unplayed + 8000) {
            playback = Arrays.copyOfRange(playback, (int) (playback.length - unplayed), playback.length);
        }
    }

    private void echoMark(String name) {
        marksEchoed++;
        ObjectNode mark = envelope("mark");
        mark.putObject("mark").put("name", name);
        send(mark);
    }

    private synchronized void received(JsonNode message) {
        long now = System.nanoTime();
        switch (message.path("event").asString("")) {
            case "media" -> agentAudio(Base64.getDecoder().decode(message.path("media").path("payload").asString("")), now);
            case "mark" -> marks.add(new Object[] {message.path("mark").path("name").asString(""), received});
            case "clear" -> cleared(now);
            default -> { }
        }
    }

    private void agentAudio(byte[] audio, long now) {
        if (lastMediaNanos != 0 && now - lastMediaNanos < 200_000_000L) {
            timings.jitter(Math.abs((now - lastMediaNanos) - FRAME_NANOS) / 1e6);
        }
        lastMediaNanos = now;
        lastAgentAudioNanos = now;
        if (bargeInStartNanos != 0 && now - bargeInStartNanos > 3_000_000_000L) {
            bargeInStartNanos = 0; // talked over a part the platform would not interrupt (a greeting, a tool call)
        }
        if (awaitingResponse && bargeInStartNanos == 0) {
            awaitingResponse = false;
            timings.response((now - utteranceEndNanos) / 1e6);
        }
        byte[] joined = Arrays.copyOf(playback, playback.length + audio.length);
        System.arraycopy(audio, 0, joined, playback.length, audio.length);
        playback = joined;
        received += audio.length;
    }

    private void cleared(long now) {
        clears++;
        if (bargeInStartNanos != 0) {
            timings.clear((now - bargeInStartNanos) / 1e6);
            bargeInStartNanos = 0;
        }
        played = received;
        playback = new byte[0];
        List<String> pending = marks.stream().map(m -> (String) m[0]).toList();
        marks.clear();
        pending.forEach(this::echoMark);
    }

    private void sendStart() {
        ObjectNode start = envelope("start");
        ObjectNode body = start.putObject("start").put("accountSid", accountSid).put("streamSid", streamSid).put("callSid", callSid);
        body.putArray("tracks").add("inbound");
        ObjectNode custom = body.putObject("customParameters");
        parameters.forEach(custom::put);
        body.putObject("mediaFormat").put("encoding", "audio/x-mulaw").put("sampleRate", 8000).put("channels", 1);
        send(start);
    }

    private ObjectNode envelope(String event) {
        ObjectNode node = JSON.createObjectNode().put("event", event);
        if (!"connected".equals(event)) {
            node.put("sequenceNumber", String.valueOf(sequence++)).put("streamSid", streamSid);
        }
        return node;
    }

    private synchronized void send(ObjectNode message) {
        if (closed.getCount() == 0 || socket.isOutputClosed()) {
            return;
        }
        try {
            socket.sendText(message.toString(), true).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
        }
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                received(JSON.readTree(text));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode = statusCode;
            running = false;
            closed.countDown();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            running = false;
            closed.countDown();
        }
    }
}
