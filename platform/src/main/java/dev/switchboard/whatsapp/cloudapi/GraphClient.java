package dev.switchboard.whatsapp.cloudapi;

import dev.switchboard.whatsapp.MessageTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The Graph API calls the channel makes: send a message, look up and download media, list templates. One JDK
 * client for every tenant; HTTP/2 towards Meta, HTTP/1.1 towards plain-HTTP test servers (no h2c upgrade dance).
 * Redirects are never followed, so a token cannot be carried somewhere else.
 */
@Component
public class GraphClient {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration MEDIA_TIMEOUT = Duration.ofSeconds(60);
    private static final int TEMPLATE_PAGES = 50;
    /** Meta's CDN hosts for media download URLs; any other host must be the configured Graph host itself. */
    private static final Set<String> MEDIA_HOST_SUFFIXES = Set.of(".fbsbx.com", ".facebook.com", ".fbcdn.net",
            ".whatsapp.net");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_2).build();
    private final JsonMapper json;

    GraphClient(JsonMapper json) {
        this.json = json;
    }

    /** Sends one message; returns the wamid Meta accepted it under. */
    public String send(GraphAccess access, String to, OutgoingMessage message, String callbackData) {
        byte[] body = json.writeValueAsBytes(SendBodies.of(to, message, callbackData));
        HttpRequest request = request(access, access.uri(access.phoneNumberId() + "/messages"), SEND_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        JsonNode answer = call(request, "send");
        String wamid = answer.at("/messages/0/id").asString(null);
        if (wamid == null) {
            throw new GraphRequestFailed(200, 131000, "Graph API answered without a message id", null);
        }
        return wamid;
    }

    /** A media object's metadata, including its short-lived download URL. */
    public MediaInfo media(GraphAccess access, String mediaId) {
        if (!mediaId.matches("[A-Za-z0-9_.-]{1,128}")) {
            throw new GraphRequestFailed(400, 100, "Invalid media id", mediaId);
        }
        JsonNode answer = call(request(access, access.uri(mediaId), MEDIA_TIMEOUT).GET().build(), "media lookup");
        return new MediaInfo(mediaId, answer.path("url").asString(null), answer.path("mime_type").asString(null),
                answer.path("sha256").asString(null), answer.path("file_size").asLong(-1));
    }

    /** Downloads media bytes (with the same token, as Meta's CDN wants), refusing more than {@code maxBytes}. */
    public byte[] download(GraphAccess access, MediaInfo media, long maxBytes) {
        URI url = trustedMediaUrl(access, media.url());
        HttpRequest request = request(access, url, MEDIA_TIMEOUT).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new GraphRequestFailed(response.statusCode(), 131052, "Media download error",
                            "HTTP " + response.statusCode());
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new GraphRequestFailed(413, 131053, "Media too large", "more than " + maxBytes + " bytes");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw transportFailure(e, "media download");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GraphRequestFailed.unreachable("interrupted");
        }
    }

    /** Every template of the business account, following Meta's paging links. */
    public List<MessageTemplate> templates(GraphAccess access) {
        List<MessageTemplate> all = new ArrayList<>();
        URI next = access.uri(access.businessAccountId()
                + "/message_templates?limit=100&fields=name,language,status,category,components");
        for (int page = 0; next != null && page < TEMPLATE_PAGES; page++) {
            JsonNode answer = call(request(access, next, SEND_TIMEOUT).GET().build(), "template listing");
            answer.path("data").forEach(t -> all.add(TemplateListing.template(t)));
            String link = answer.at("/paging/next").asString(null);
            next = link == null ? null : sameOrigin(access, URI.create(link));
        }
        return all;
    }

    private HttpRequest.Builder request(GraphAccess access, URI uri, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", "Bearer " + access.accessToken());
        return "http".equals(uri.getScheme()) ? builder.version(HttpClient.Version.HTTP_1_1) : builder;
    }

    private JsonNode call(HttpRequest request, String what) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw transportFailure(e, what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GraphRequestFailed.unreachable("interrupted");
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw failure(response.statusCode(), body);
        }
        return body;
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? MissingNode.getInstance() : json.readTree(body);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }

    private static GraphRequestFailed failure(int status, JsonNode body) {
        JsonNode error = body.path("error");
        int code = error.path("code").asInt(status == 429 ? 130429 : 131000);
        String message = error.path("message").asString("HTTP " + status);
        String title = message.replaceFirst("^\\(#\\d+\\) ", "");
        return new GraphRequestFailed(status, code, title, error.at("/error_data/details").asString(null));
    }

    private static GraphRequestFailed transportFailure(IOException e, String what) {
        if (e instanceof ConnectException || e instanceof HttpConnectTimeoutException) {
            return GraphRequestFailed.unreachable(what + ": " + e.getClass().getSimpleName());
        }
        if (e instanceof HttpTimeoutException) {
            return GraphRequestFailed.timedOut(what);
        }
        return GraphRequestFailed.timedOut(what + ": " + e.getClass().getSimpleName());
    }

    /**
     * A media URL from Meta's answer is fetched with the tenant's token, so it must point at Meta's CDN over
     * HTTPS or at the configured Graph host itself; anything else would hand the token to a stranger.
     */
    static URI trustedMediaUrl(GraphAccess access, String url) {
        if (url == null) {
            throw new GraphRequestFailed(502, 131052, "Media download error", "no download URL");
        }
        URI uri = URI.create(url);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean metaCdn = "https".equals(uri.getScheme()) && MEDIA_HOST_SUFFIXES.stream().anyMatch(host::endsWith);
        if (metaCdn) {
            return uri;
        }
        return sameOrigin(access, uri);
    }

    private static URI sameOrigin(GraphAccess access, URI uri) {
        URI base = access.baseUrl();
        boolean same = base.getScheme().equals(uri.getScheme()) && base.getHost().equalsIgnoreCase(uri.getHost())
                && base.getPort() == uri.getPort();
        if (!same) {
            throw new GraphRequestFailed(502, 131052, "Untrusted URL from the Graph API", "host " + uri.getHost());
        }
        return uri;
    }
}
