package dev.switchboard.voice.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Recordings in an S3-compatible store (AWS S3, MinIO, R2...), path-style URLs, SigV4-signed. A call records to a
 * local file and the finished file is uploaded once; playback fetches byte ranges from the store.
 */
public final class S3Recordings implements RecordingStore {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final String bucket;
    private final SigV4 signer;

    public S3Recordings(String endpoint, String bucket, String region, String accessKey, String secretKey) {
        this.endpoint = URI.create(endpoint.replaceAll("/+$", ""));
        this.bucket = bucket;
        this.signer = new SigV4(accessKey, secretKey, region);
    }

    @Override
    public String keep(String key, Path finishedFile) {
        try {
            byte[] body = Files.readAllBytes(finishedFile);
            HttpResponse<String> response = send("PUT", key, Map.of("content-type", "audio/wav"),
                    SigV4.hex(SigV4.sha256(body)), HttpRequest.BodyPublishers.ofByteArray(body),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("the recording store refused " + key + ": HTTP " + response.statusCode());
            }
            Files.deleteIfExists(finishedFile);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String key, long from, long to) {
        HttpResponse<InputStream> response = send("GET", key, Map.of("range", "bytes=" + from + "-" + to),
                "UNSIGNED-PAYLOAD", HttpRequest.BodyPublishers.noBody(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the recording store answered HTTP " + response.statusCode() + " for " + key);
        }
        return response.body();
    }

    @Override
    public long size(String key) {
        HttpResponse<Void> response = send("HEAD", key, Map.of(), "UNSIGNED-PAYLOAD",
                HttpRequest.BodyPublishers.noBody(), HttpResponse.BodyHandlers.discarding());
        return response.headers().firstValueAsLong("content-length").orElseThrow();
    }

    private <T> HttpResponse<T> send(String method, String key, Map<String, String> headers, String payloadHash,
                                     HttpRequest.BodyPublisher body, HttpResponse.BodyHandler<T> handler) {
        URI uri = URI.create(endpoint + "/" + bucket + "/" + key);
        Map<String, String> all = new HashMap<>(headers);
        all.putAll(signer.sign(method, uri, headers, payloadHash, ZonedDateTime.now()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).method(method, body);
        all.forEach(request::header);
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
