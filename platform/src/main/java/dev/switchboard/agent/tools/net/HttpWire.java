package dev.switchboard.agent.tools.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** HTTP/1.1 framing: the request head, and a response read with a hard cap on what is kept. */
final class HttpWire {

    private static final int MAX_HEAD = 32 * 1024;

    private HttpWire() {
    }

    static byte[] requestHead(OutboundRequest request, int port) throws OutboundRefused {
        var uri = request.uri();
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        boolean defaultPort = port == 443 || port == 80;
        String host = uri.getHost().contains(":") ? "[" + uri.getHost() + "]" : uri.getHost();
        StringBuilder head = new StringBuilder(request.method()).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(defaultPort ? "" : ":" + port).append("\r\n")
                .append("Connection: close\r\nUser-Agent: Switchboard\r\nAccept-Encoding: identity\r\n")
                .append("Content-Length: ").append(request.body().length).append("\r\n");
        for (var header : request.headers().entrySet()) {
            if (unsafe(header.getKey()) || unsafe(header.getValue())) {
                throw new OutboundRefused("a header name or value contains a line break");
            }
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean unsafe(String text) {
        return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
    }

    static OutboundResponse readResponse(InputStream in, int maxBytes) throws IOException, OutboundRefused {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x response");
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int headBytes = statusLine.length();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            headBytes += line.length();
            if (headBytes > MAX_HEAD) {
                throw new IOException("response headers too large");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
        }
        byte[] body = "chunked".equalsIgnoreCase(first(headers, "transfer-encoding"))
                ? chunked(in, maxBytes) : sized(in, first(headers, "content-length"), maxBytes);
        return new OutboundResponse(status, headers, body);
    }

    private static byte[] sized(InputStream in, String length, int maxBytes) throws IOException, OutboundRefused {
        if (length != null) {
            long declared = Long.parseLong(length.strip());
            if (declared > maxBytes) {
                throw new OutboundRefused("the response is larger than " + maxBytes + " bytes");
            }
            return in.readNBytes((int) declared);
        }
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw new OutboundRefused("the response is larger than " + maxBytes + " bytes");
        }
        return body;
    }

    private static byte[] chunked(InputStream in, int maxBytes) throws IOException, OutboundRefused {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon >= 0 ? size.substring(0, semicolon) : size).strip(), 16);
            if (length == 0) {
                while (!line(in).isEmpty()) {
                    // trailers are read and dropped
                }
                return body.toByteArray();
            }
            if (body.size() + length > maxBytes) {
                throw new OutboundRefused("the response is larger than " + maxBytes + " bytes");
            }
            body.write(in.readNBytes(length));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("the connection closed mid-response");
            }
            if (line.size() > MAX_HEAD) {
                throw new IOException("line too long");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
