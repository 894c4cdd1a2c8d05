package dev.switchboard.bench.webchat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One widget session: sends a message, waits for the reply (first streamed token, then the committed message),
 * and counts what should never happen: a seq received twice, a reply nobody asked for, a duplicate ack.
 * Frames are read with plain string searches to keep the load generator light on the shared CPU.
 */
final class ChatSession implements WebSocket.Listener {

    final Latencies firstToken = new Latencies();
    final Latencies ack = new Latencies();
    final Latencies reply = new Latencies();
    final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private final String name;
    private final StringBuilder partial = new StringBuilder();
    private final Set<Long> seqs = new HashSet<>();
    private volatile WebSocket socket;
    private volatile boolean closing;
    private volatile boolean awaiting;
    private volatile boolean measured;
    private volatile long sentAt;
    private volatile long firstTokenAt;
    private int counter;
    int sent;
    int replied;
    int duplicated;
    int refused;
    int unexpected;
    volatile long nextSendAt;

    ChatSession(String name) {
        this.name = name;
    }

    CompletableFuture<WebSocket> connect(HttpClient client, URI uri, String origin, String token) {
        return client.newWebSocketBuilder().header("Origin", origin).subprotocols("webchat.v1", "bearer." + token)
                .buildAsync(uri, this).thenApply(ws -> {
                    socket = ws;
                    ws.sendText("{\"type\":\"hello\",\"lastSeq\":0,\"language\":\"en\"}", true);
                    return ws;
                });
    }

    boolean ready(long now) {
        return socket != null && !awaiting && now >= nextSendAt;
    }

    boolean awaiting() {
        return awaiting;
    }

    /** Sends the next message; {@code measured}: its latencies count (false during warm-up). */
    synchronized void send(boolean measure) {
        String id = "bench-" + name + "-" + (++counter);
        awaiting = true;
        measured = measure;
        firstTokenAt = 0;
        sentAt = System.nanoTime();
        if (measure) {
            sent++;
        }
        socket.sendText("{\"type\":\"message\",\"id\":\"" + id + "\",\"text\":\"hello from " + id
                + ", when will the technician arrive tomorrow morning?\"}", true);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            handle(partial.toString(), System.nanoTime());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    private synchronized void handle(String frame, long now) {
        switch (field(frame, "type")) {
            case "delta" -> {
                if (awaiting && firstTokenAt == 0) {
                    firstTokenAt = now;
                    if (measured) {
                        firstToken.add((now - sentAt) / 1000);
                    }
                }
            }
            case "ack" -> {
                if (measured) {
                    ack.add((now - sentAt) / 1000);
                }
                if (frame.contains("\"duplicate\":true")) {
                    duplicated++;
                }
            }
            case "message" -> message(frame, now);
            case "error" -> error(frame);
            default -> {
            }
        }
    }

    private void message(String frame, long now) {
        long seq = Long.parseLong(number(frame, "seq"));
        if (!seqs.add(seq)) {
            duplicated++;
        }
        if (!"ai".equals(field(frame, "role"))) {
            return;
        }
        if (!awaiting) {
            unexpected++;
            return;
        }
        awaiting = false;
        if (measured) {
            replied++;
            reply.add((now - sentAt) / 1000);
        }
    }

    private void error(String frame) {
        String code = field(frame, "code");
        errors.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
        if (frame.contains("\"id\":\"bench-" + name + "-")) {
            awaiting = false;
            if (measured) {
                refused++;
            }
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (!closing) {
            errors.computeIfAbsent("closed_" + statusCode, c -> new AtomicInteger()).incrementAndGet();
        }
        socket = null;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        errors.computeIfAbsent("socket_error", c -> new AtomicInteger()).incrementAndGet();
        socket = null;
    }

    void close() {
        closing = true;
        WebSocket ws = socket;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
        }
    }

    private static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int at = json.indexOf(key);
        if (at < 0) {
            return "";
        }
        int start = at + key.length();
        return json.substring(start, json.indexOf('"', start));
    }

    private static String number(String json, String name) {
        String key = "\"" + name + "\":";
        int start = json.indexOf(key) + key.length();
        int end = start;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return json.substring(start, end);
    }
}
