package dev.switchboard.fakes.twilio;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Posts Twilio's voice webhooks to a platform: the incoming-call request (signed with the tenant's auth token over
 * the exact URL posted to) and status callbacks; parses the TwiML answer like Twilio does, refusing a stream URL
 * with a query string.
 */
public final class VoiceWebhookDriver {

    private static final Pattern STREAM = Pattern.compile("<Stream[^>]*\\surl=\"([^\"]+)\"");
    private static final Pattern PARAMETER = Pattern.compile("<Parameter\\s+name=\"([^\"]+)\"\\s+value=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI platform;
    private final String tenant;
    private final String authToken;
    private final String accountSid;

    public VoiceWebhookDriver(URI platform, String tenant, String authToken, String accountSid) {
        this.platform = URI.create(platform.toString().replaceAll("/+$", ""));
        this.tenant = tenant;
        this.authToken = authToken;
        this.accountSid = accountSid;
    }

    public static String newCallSid() {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        return "CA" + HexFormat.of().formatHex(random);
    }

    /** An incoming call from {@code from} to {@code to}, as Twilio's first request for it. */
    public Map<String, String> incomingCall(String callSid, String from, String to) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("CallSid", callSid);
        form.put("AccountSid", accountSid);
        form.put("From", from);
        form.put("To", to);
        form.put("Caller", from);
        form.put("Called", to);
        form.put("CallStatus", "ringing");
        form.put("Direction", "inbound");
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    public StreamInstruction dial(Map<String, String> form) {
        return post("/voice", form, authToken);
    }

    /** Posts with a signature made with another token: what a forger without the tenant's token can do. */
    public StreamInstruction dialSignedWith(String wrongToken, Map<String, String> form) {
        return post("/voice", form, wrongToken);
    }

    public int statusCallback(String callSid, String status, int sequence, Integer durationSeconds) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("CallSid", callSid);
        form.put("AccountSid", accountSid);
        form.put("CallStatus", status);
        form.put("SequenceNumber", String.valueOf(sequence));
        form.put("CallbackSource", "call-progress-events");
        if (durationSeconds != null) {
            form.put("CallDuration", String.valueOf(durationSeconds));
        }
        return post("/status", form, authToken).status();
    }

    private StreamInstruction post(String path, Map<String, String> form, String token) {
        String url = platform + "/webhooks/twilio/" + tenant + path;
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioRequestSigner.sign(token, url, form))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return parse(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the platform at " + platform + " is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static StreamInstruction parse(int status, String twiml) {
        Matcher stream = STREAM.matcher(twiml);
        if (status != 200 || !stream.find()) {
            return new StreamInstruction(status, twiml, null, Map.of());
        }
        String url = unescape(stream.group(1));
        if (url.contains("?")) {
            throw new IllegalStateException("Twilio refuses a <Stream> url with a query string: " + url);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher p = PARAMETER.matcher(twiml);
        while (p.find()) {
            parameters.put(unescape(p.group(1)), unescape(p.group(2)));
        }
        return new StreamInstruction(status, twiml, URI.create(url), parameters);
    }

    private static String unescape(String xml) {
        return xml.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
