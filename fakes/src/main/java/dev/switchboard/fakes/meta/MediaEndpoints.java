package dev.switchboard.fakes.meta;

import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.fakes.http.Ids;
import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.http.QueryParameters;
import dev.switchboard.fakes.http.RecordedRequest;
import dev.switchboard.fakes.http.Responses;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Media over the Graph API: metadata by id (with a short-lived download URL), the download itself (bearer token
 * required, as at Meta's CDN), upload as multipart, and delete.
 */
final class MediaEndpoints {

    static final String DOWNLOAD_PATH = "/whatsapp_business/attachments/";
    private static final Duration URL_LIFETIME = Duration.ofMinutes(5);
    private static final Map<String, Long> MAX_BYTES = Map.of("image", 5L << 20, "audio", 16L << 20,
            "video", 16L << 20, "application", 100L << 20, "text", 100L << 20);

    private final MediaStore store;
    private final String accessToken;
    private final WebhookSignature urlSigner = new WebhookSignature(Ids.random("", 32));
    private final URI baseUrl;

    MediaEndpoints(MediaStore store, String accessToken, URI baseUrl) {
        this.store = store;
        this.accessToken = accessToken;
        this.baseUrl = baseUrl;
    }

    void metadata(HttpExchange exchange, String mediaId) throws IOException {
        var media = store.get(mediaId);
        if (media.isEmpty()) {
            GraphError.unknownObject(mediaId).write(exchange);
            return;
        }
        var stored = media.get();
        long expires = Instant.now().plus(URL_LIFETIME).getEpochSecond();
        var url = baseUrl + DOWNLOAD_PATH + "?mid=" + mediaId + "&ext=" + expires + "&hash=" + hash(mediaId, expires);
        Responses.json(exchange, 200, Json.object().put("messaging_product", "whatsapp").put("url", url)
                .put("mime_type", stored.mimeType()).put("sha256", stored.sha256())
                .put("file_size", stored.bytes().length).put("id", mediaId));
    }

    void download(HttpExchange exchange) throws IOException {
        var authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!("Bearer " + accessToken).equals(authorization)) {
            GraphError.invalidToken().write(exchange);
            return;
        }
        var query = QueryParameters.of(exchange.getRequestURI());
        var mediaId = query.getOrDefault("mid", "");
        long expires = parseLong(query.get("ext"));
        var media = store.get(mediaId);
        if (media.isEmpty() || expires < Instant.now().getEpochSecond()
                || !hash(mediaId, expires).equals(query.get("hash"))) {
            Responses.text(exchange, 404, "URL signature mismatch or expired");
            return;
        }
        Responses.bytes(exchange, 200, media.get().mimeType(), media.get().bytes());
    }

    void upload(HttpExchange exchange, RecordedRequest request) throws IOException {
        var form = MultipartForm.parse(request.header("content-type"), request.body());
        if (form.isEmpty()) {
            GraphError.invalidParameter("Expected multipart/form-data").write(exchange);
            return;
        }
        var product = form.get().part("messaging_product").map(MultipartForm.Part::text).orElse(null);
        var file = form.get().part("file");
        if (!"whatsapp".equals(product) || file.isEmpty()) {
            GraphError.missingParameter("messaging_product=whatsapp and file are required").write(exchange);
            return;
        }
        var mimeType = form.get().part("type").map(MultipartForm.Part::text).orElse(file.get().contentType());
        var problem = sizeProblem(mimeType, file.get().content().length);
        if (problem != null) {
            GraphError.mediaUpload(problem).write(exchange);
            return;
        }
        Responses.json(exchange, 200, Json.object().put("id", store.put(file.get().content(), mimeType)));
    }

    void delete(HttpExchange exchange, String mediaId) throws IOException {
        if (!store.remove(mediaId)) {
            GraphError.unknownObject(mediaId).write(exchange);
            return;
        }
        Responses.json(exchange, 200, Json.object().put("success", true));
    }

    private static String sizeProblem(String mimeType, long size) {
        var family = mimeType == null ? "" : mimeType.split("/")[0];
        var max = MAX_BYTES.get(family);
        if (max == null) {
            return "Unsupported file type: " + mimeType;
        }
        return size > max ? "File too large: " + size + " bytes, max " + max + " for " + family : null;
    }

    private String hash(String mediaId, long expires) {
        return urlSigner.header((mediaId + ":" + expires).getBytes(StandardCharsets.UTF_8)).substring("sha256=".length(), 39);
    }

    private static long parseLong(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
