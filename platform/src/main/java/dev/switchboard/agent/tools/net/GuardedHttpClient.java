package dev.switchboard.agent.tools.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A small HTTP/1.1 client that connects to exactly the address {@link AddressPolicy} approved (a general client would
 * resolve the name again, and a rebinding DNS could answer differently the second time). TLS still verifies the
 * certificate against the host name. Redirects are followed at most twice, each target checked like the first.
 */
public final class GuardedHttpClient {

    private static final int MAX_REDIRECTS = 2;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final AddressPolicy policy;
    private final SSLContext tls;

    public GuardedHttpClient(AddressPolicy policy, SSLContext tls) {
        this.policy = policy;
        this.tls = tls;
    }

    public static GuardedHttpClient system() {
        try {
            return new GuardedHttpClient(AddressPolicy.system(), SSLContext.getDefault());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public OutboundResponse send(OutboundRequest request) throws OutboundRefused, IOException {
        long deadline = System.nanoTime() + request.timeout().toNanos();
        OutboundRequest current = request;
        for (int hop = 0; ; hop++) {
            OutboundResponse response = once(current, deadline);
            if (!REDIRECTS.contains(response.status())) {
                return response;
            }
            String location = header(response, "location");
            if (location == null || hop >= MAX_REDIRECTS) {
                throw new OutboundRefused("too many redirects or a redirect without a location");
            }
            URI target = current.uri().resolve(location.strip());
            boolean keepMethod = response.status() == 307 || response.status() == 308;
            current = current.redirectedTo(target, keepMethod, target.getHost() != null
                    && target.getHost().equalsIgnoreCase(current.uri().getHost()));
        }
    }

    private OutboundResponse once(OutboundRequest request, long deadline) throws OutboundRefused, IOException {
        URI uri = request.uri();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !(scheme.equals("http") && request.privateAllowed())) {
            throw new OutboundRefused("only https URLs are allowed");
        }
        if (uri.getRawUserInfo() != null) {
            throw new OutboundRefused("URLs with credentials are not allowed");
        }
        InetAddress address = policy.resolve(uri.getHost(), request.privateAllowed());
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        try (Socket socket = connect(address, port, uri, scheme, deadline)) {
            OutputStream out = socket.getOutputStream();
            out.write(HttpWire.requestHead(request, port));
            out.write(request.body());
            out.flush();
            return HttpWire.readResponse(new DeadlineStream(socket, deadline), request.maxBytes());
        } catch (SocketTimeoutException e) {
            throw new java.net.http.HttpTimeoutException("no answer within " + request.timeout().toMillis() + " ms");
        }
    }

    private Socket connect(InetAddress address, int port, URI uri, String scheme, long deadline) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(address, port), remainingMillis(deadline));
        plain.setSoTimeout(remainingMillis(deadline));
        if (!scheme.equals("https")) {
            return plain;
        }
        SSLSocket tlsSocket = (SSLSocket) tls.getSocketFactory().createSocket(plain, uri.getHost(), port, true);
        SSLParameters parameters = tlsSocket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!uri.getHost().contains(":") && !Character.isDigit(uri.getHost().charAt(uri.getHost().length() - 1))) {
            parameters.setServerNames(List.of(new SNIHostName(uri.getHost())));
        }
        tlsSocket.setSSLParameters(parameters);
        tlsSocket.startHandshake();
        return tlsSocket;
    }

    static int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    private static String header(OutboundResponse response, String name) {
        List<String> values = response.headers().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** Reads with the socket's timeout shrunk to what is left of the request's time. */
    private static final class DeadlineStream extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;

        DeadlineStream(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return in.read(b, off, len);
        }
    }


}
