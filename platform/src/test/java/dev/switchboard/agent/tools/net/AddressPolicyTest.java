package dev.switchboard.agent.tools.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    /** A resolver that answers every name with one fixed address, as a rebinding attacker's DNS would. */
    private static AddressPolicy resolvingTo(String address) {
        return new AddressPolicy(host -> new InetAddress[] {InetAddress.getByName(address)});
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.0.0.5", "10.255.255.255", "172.16.0.1", "172.31.255.1",
            "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1",
            "255.255.255.255", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "64:ff9b::a00:1"})
    void refusesNamesThatResolveToNonPublicAddresses(String address) {
        assertThatThrownBy(() -> resolvingTo(address).resolve("api.example.com", false))
                .isInstanceOf(OutboundRefused.class).hasMessageContaining("non-public");
    }

    @Test
    void acceptsPublicAddressesAndReturnsTheCheckedOne() throws Exception {
        assertThat(resolvingTo("93.184.216.34").resolve("api.example.com", false).getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(resolvingTo("2606:4700::1111").resolve("api.example.com", false)).isNotNull();
        assertThat(AddressPolicy.forbidden(InetAddress.getByName("100.128.0.1"))).isFalse();
        assertThat(AddressPolicy.forbidden(InetAddress.getByName("172.32.0.1"))).isFalse();
    }

    @Test
    void refusesWhenAnyOfSeveralAddressesIsPrivate() {
        AddressPolicy policy = new AddressPolicy(host -> new InetAddress[] {
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1")});
        assertThatThrownBy(() -> policy.resolve("api.example.com", false)).isInstanceOf(OutboundRefused.class);
    }

    @Test
    void theOperatorsOptInAllowsPrivateTargets() throws Exception {
        assertThat(resolvingTo("127.0.0.1").resolve("localhost", true).isLoopbackAddress()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "017700000001", "0x7f000001", "0x7f.0.0.1", "0177.0.0.1", "127.1", "127.0.1",
            "1.2.3.4.5", "[::ffff:127.0.0.1]", "::ffff:7f00:1", "[::ffff:a9fe:a9fe]", "127.000.000.001", "example.0x10"})
    void refusesNumericHostTricksEvenWithTheOptIn(String host) {
        AddressPolicy policy = new AddressPolicy(h -> {
            throw new UnknownHostException("must not resolve " + h);
        });
        assertThatThrownBy(() -> policy.resolve(host, true)).isInstanceOf(OutboundRefused.class)
                .hasMessageNotContaining("must not resolve");
    }

    @Test
    void ipv4MappedLiteralsAreRefusedEvenWhenTheyMapToAPublicAddress() {
        assertThatThrownBy(() -> AddressPolicy.system().resolve("[::ffff:8.8.8.8]", false)).isInstanceOf(OutboundRefused.class);
    }

    @Test
    void plainHttpNeedsTheOptIn() throws Exception {
        GuardedHttpClient client = new GuardedHttpClient(resolvingTo("93.184.216.34"), SSLContext.getDefault());
        assertThatThrownBy(() -> client.send(new OutboundRequest("GET", URI.create("http://api.example.com/x"), Map.of(),
                null, Duration.ofSeconds(1), 1024, false))).isInstanceOf(OutboundRefused.class).hasMessageContaining("https");
    }

    @Test
    void redirectsAreReCheckedAndARedirectToAPrivateAddressIsRefused() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        try {
            // The first hop is the opted-in local target; the redirect goes to a host the policy resolves for real.
            AddressPolicy policy = new AddressPolicy(h -> h.equals("127.0.0.1") ? new InetAddress[] {InetAddress.getByName(h)}
                    : new InetAddress[] {InetAddress.getByName("169.254.169.254")});
            GuardedHttpClient client = new GuardedHttpClient(policy, SSLContext.getDefault());
            URI start = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/start");
            assertThatThrownBy(() -> client.send(new OutboundRequest("GET", start, Map.of(), null, Duration.ofSeconds(2),
                    1024, false))).isInstanceOf(OutboundRefused.class);
            var denied = new OutboundRequest("GET", start, Map.of(), null, Duration.ofSeconds(2), 1024, true)
                    .redirectedTo(URI.create("https://metadata.internal/"), false, false);
            assertThatThrownBy(() -> client.send(new OutboundRequest(denied.method(), denied.uri(), Map.of(), null,
                    Duration.ofSeconds(2), 1024, false))).isInstanceOf(OutboundRefused.class).hasMessageContaining("non-public");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void responsesLargerThanTheCapAreRefusedWithoutEchoingThem() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "SECRET-CONTENT".repeat(200).getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            GuardedHttpClient client = new GuardedHttpClient(AddressPolicy.system(), SSLContext.getDefault());
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/big");
            assertThatThrownBy(() -> client.send(new OutboundRequest("GET", uri, Map.of(), null, Duration.ofSeconds(2), 256, true)))
                    .isInstanceOf(OutboundRefused.class).hasMessageNotContaining("SECRET");
        } finally {
            server.stop(0);
        }
    }
}
