package dev.switchboard.fakes.twilio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.fakes.FakeServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twilio's REST Calls API (2010-04-01) on 127.0.0.1: create a call ({@code 201}, a CA sid), update a live one
 * ({@code Twiml}, {@code Url}, {@code Status=completed}; {@code 404} code 20404 for an unknown or ended call), with
 * Basic auth checked (401 code 20003) and every request recorded with its form parameters, repeated ones included.
 */
public final class TwilioRestFake implements FakeServer {

    private static final Pattern CALLS = Pattern.compile("^/2010-04-01/Accounts/(AC[0-9a-fA-F]{32})/Calls(?:/(CA[0-9a-f]{32}))?\\.json$");

    /** One request as received. */
    public record Received(String path, Map<String, List<String>> form) {
        public String first(String name) {
            List<String> values = form.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    private final HttpServer server;
    private final String accountSid;
    private final String authToken;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> live = ConcurrentHashMap.newKeySet();

    private TwilioRestFake(String accountSid, String authToken) throws IOException {
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static TwilioRestFake start(String accountSid, String authToken) {
        try {
            return new TwilioRestFake(accountSid, authToken);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Twilio REST fake", e);
        }
    }

    @Override
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Matcher m = CALLS.matcher(exchange.getRequestURI().getPath());
        String expected = "Basic " + Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, error(20003, "Authenticate", 401));
            return;
        }
        if (!m.matches() || !"POST".equals(exchange.getRequestMethod()) || !m.group(1).equals(accountSid)) {
            respond(exchange, 404, error(20404, "The requested resource was not found", 404));
            return;
        }
        Map<String, List<String>> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        received.add(new Received(exchange.getRequestURI().getPath(), form));
        if (m.group(2) == null) {
            create(exchange, form);
        } else if (!live.contains(m.group(2))) {
            respond(exchange, 404, error(20404, "The requested resource was not found", 404));
        } else {
            if ("completed".equals(first(form, "Status")) || first(form, "Twiml") != null) {
                live.remove(m.group(2));
            }
            respond(exchange, 200, call(m.group(2), first(form, "To"), first(form, "From"), "in-progress"));
        }
    }

    private void create(HttpExchange exchange, Map<String, List<String>> form) throws IOException {
        String to = first(form, "To");
        if (to == null || !to.matches("^\\+[1-9][0-9]{6,14}$")) {
            respond(exchange, 400, error(21211, "Invalid 'To' Phone Number", 400));
            return;
        }
        String sid = VoiceWebhookDriver.newCallSid();
        live.add(sid);
        respond(exchange, 201, call(sid, to, first(form, "From"), "queued"));
    }

    /** Marks a call live, e.g. one the test rang in through the webhook driver. */
    public void callIsLive(String callSid) {
        live.add(callSid);
    }

    private String call(String sid, String to, String from, String status) {
        return "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + accountSid + "\",\"to\":\"" + to + "\",\"from\":\"" + from
                + "\",\"status\":\"" + status + "\",\"direction\":\"outbound-api\",\"api_version\":\"2010-04-01\"}";
    }

    private static String error(int code, String message, int status) {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\",\"more_info\":\"https://www.twilio.com/docs/errors/"
                + code + "\",\"status\":" + status + "}";
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static Map<String, List<String>> parse(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                form.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
