package dev.switchboard.fakes.meta;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Just enough of multipart/form-data to read a media upload: named parts with optional filename and type. */
final class MultipartForm {

    record Part(String name, String filename, String contentType, byte[] content) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

    private final Map<String, Part> parts;

    private MultipartForm(Map<String, Part> parts) {
        this.parts = parts;
    }

    /** Empty when the content type is not multipart or has no boundary. */
    static Optional<MultipartForm> parse(String contentType, byte[] body) {
        var matcher = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (matcher == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                || !matcher.find()) {
            return Optional.empty();
        }
        var delimiter = ("--" + matcher.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        var parts = new HashMap<String, Part>();
        int start = indexOf(body, delimiter, 0);
        while (start >= 0) {
            int headersStart = start + delimiter.length + 2;
            int next = indexOf(body, delimiter, headersStart);
            if (next < 0 || headersStart > body.length) {
                break;
            }
            part(Arrays.copyOfRange(body, headersStart, next - 2)).ifPresent(p -> parts.put(p.name(), p));
            start = next;
        }
        return Optional.of(new MultipartForm(parts));
    }

    Optional<Part> part(String name) {
        return Optional.ofNullable(parts.get(name));
    }

    private static Optional<Part> part(byte[] raw) {
        int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (split < 0) {
            return Optional.empty();
        }
        var headers = new String(raw, 0, split, StandardCharsets.UTF_8);
        var name = NAME.matcher(headers);
        if (!name.find()) {
            return Optional.empty();
        }
        var filename = FILENAME.matcher(headers);
        String contentType = null;
        for (var line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).trim();
            }
        }
        return Optional.of(new Part(name.group(1), filename.find() ? filename.group(1) : null, contentType,
                Arrays.copyOfRange(raw, split + 4, raw.length)));
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
