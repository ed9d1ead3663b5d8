package vn.gov.training.gateway.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Who the client is: {@code X-Forwarded-For} / {@code Forwarded} and {@code X-Forwarded-Proto} are believed only when
 * the connection comes from an address of {@code training.gateway.trusted-proxies} (IP addresses or CIDR ranges;
 * default none). Then the client is the right-most address of the chain that is not a trusted proxy, so a client
 * cannot choose its own address by sending the header itself (a proxy that appends to the header puts the real
 * address at the right). From anybody else the headers are ignored: the client is the connection's peer.
 */
@ApplicationScoped
public class TrustedProxies {

    public static final String CLIENT = "training.client";
    private static final Pattern IP_LITERAL = Pattern.compile("^[0-9a-fA-F:.]+$");

    /** The client's address, whether it came over TLS (itself or to a trusted TLS-terminating proxy). */
    public record Client(String address, boolean https) {
    }

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = prefix;
            for (int i = 0; i < address.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((address[i] & mask) != (network[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Range> trusted = new ArrayList<>();

    public TrustedProxies(@ConfigProperty(name = "training.gateway.trusted-proxies") Optional<List<String>> proxies) {
        for (String entry : proxies.orElse(List.of())) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            int slash = text.indexOf('/');
            byte[] network = literal(slash < 0 ? text : text.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("training.gateway.trusted-proxies: not an IP address or range: "
                        + text);
            }
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
            trusted.add(new Range(network, prefix));
        }
    }

    public boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && trusted.stream().anyMatch(range -> range.contains(bytes));
    }

    public Client resolve(HttpServerRequest request) {
        SocketAddress peerAddress = request.connection() == null ? request.remoteAddress()
                : request.connection().remoteAddress();
        String peer = peerAddress == null ? "unknown" : peerAddress.hostAddress();
        if (!isTrusted(peer)) {
            return new Client(peer, request.isSSL());
        }
        List<String> chain = forwardedFor(request);
        String client = peer;
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (literal(hop) == null) {
                break; // "unknown" or an obfuscated name: nothing further left can be believed
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        String proto = last(request.getHeader("X-Forwarded-Proto"));
        if (proto == null) {
            proto = forwardedParameter(request.getHeader("Forwarded"), "proto");
        }
        return new Client(client, request.isSSL() || "https".equalsIgnoreCase(proto));
    }

    private static List<String> forwardedFor(HttpServerRequest request) {
        List<String> chain = new ArrayList<>();
        String forwarded = request.getHeader("Forwarded");
        if (forwarded != null) {
            for (String element : forwarded.split(",")) {
                for (String pair : element.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase("for")) {
                        chain.add(node(pair.substring(eq + 1)));
                    }
                }
            }
            return chain;
        }
        for (String header : request.headers().getAll("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    chain.add(hop.strip());
                }
            }
        }
        return chain;
    }

    /** {@code "[2001:db8::1]:4711"} → {@code 2001:db8::1}, {@code 192.0.2.60:80} → {@code 192.0.2.60}. */
    private static String node(String value) {
        String node = value.strip();
        if (node.startsWith("\"") && node.endsWith("\"") && node.length() >= 2) {
            node = node.substring(1, node.length() - 1);
        }
        if (node.startsWith("[")) {
            int end = node.indexOf(']');
            return end > 0 ? node.substring(1, end) : node;
        }
        int colon = node.indexOf(':');
        return colon > 0 && node.indexOf(':', colon + 1) < 0 ? node.substring(0, colon) : node;
    }

    private static String forwardedParameter(String forwarded, String name) {
        if (forwarded == null) {
            return null;
        }
        String[] elements = forwarded.split(",");
        for (String pair : elements[elements.length - 1].split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase(name)) {
                return node(pair.substring(eq + 1)).toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String last(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String[] values = header.split(",");
        return values[values.length - 1].strip();
    }

    /** The bytes of an IP literal, or null for anything else (never a DNS lookup). */
    static byte[] literal(String text) {
        if (text == null || text.isEmpty() || !IP_LITERAL.matcher(text).matches()
                || (text.indexOf(':') < 0 && text.chars().filter(c -> c == '.').count() != 3)) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException | RuntimeException e) {
            return null;
        }
    }
}
