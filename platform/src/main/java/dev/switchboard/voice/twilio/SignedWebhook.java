package dev.switchboard.voice.twilio;

import dev.switchboard.voice.config.VoiceProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A webhook request read for signature checking: the raw form parameters (from the body as sent, not
 * re-serialised) and the URL Twilio called, rebuilt from the configured public URL when there is one, since
 * behind a proxy the request's own Host and scheme are not what Twilio signed.
 */
record SignedWebhook(String url, Map<String, String> params, byte[] body, String signature, boolean json) {

    static SignedWebhook read(HttpServletRequest request, VoiceProperties properties) {
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String contentType = request.getContentType() == null ? "" : request.getContentType();
        boolean json = contentType.startsWith("application/json");
        Map<String, String> params = json ? Map.of() : body.length > 0 ? parse(new String(body, StandardCharsets.UTF_8))
                : parametersAlreadyRead(request);
        return new SignedWebhook(publicUrl(request, properties), params, body, request.getHeader("X-Twilio-Signature"), json);
    }

    boolean validFor(String authToken) {
        return json ? TwilioSignature.validJson(authToken, url, body, signature)
                : TwilioSignature.validForm(authToken, url, params, signature);
    }

    String param(String name) {
        return params.get(name);
    }

    /** The base URL others reach this platform at: the configured public URL, else what this request says. */
    static String baseUrl(HttpServletRequest request, VoiceProperties properties) {
        if (properties.publicUrl() != null) {
            return properties.publicUrl();
        }
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getRequestURI().length());
    }

    private static String publicUrl(HttpServletRequest request, VoiceProperties properties) {
        String query = request.getQueryString();
        return baseUrl(request, properties) + request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    static Map<String, String> parse(String form) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            params.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /** When a filter already consumed the body, the form parameters are those not in the query string. */
    private static Map<String, String> parametersAlreadyRead(HttpServletRequest request) {
        Map<String, String> query = request.getQueryString() == null ? Map.of() : parse(request.getQueryString());
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!query.containsKey(name) && values.length > 0) {
                params.put(name, values[0]);
            }
        });
        return params;
    }
}
