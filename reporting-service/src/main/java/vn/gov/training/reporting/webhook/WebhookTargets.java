package vn.gov.training.reporting.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which URLs a webhook may be sent to, so that a subscription cannot reach into the cluster (SSRF): an absolute
 * {@code https} URL without user info or fragment, whose host resolves to public addresses only. {@code http} and
 * loopback addresses only when {@code training.webhooks.allow-loopback} is on (dev and test), and then {@code http}
 * only to loopback. When {@code training.webhooks.allowed-hosts} lists hosts (exact names or {@code *.suffix}), the
 * host must be one of them; a host on private or internal addresses (site-local, link-local such as the cloud
 * metadata address, unique-local, carrier-grade NAT, any-local, multicast) only when named exactly there. Checked
 * when a subscription is made or changed, and again before every delivery (the name may resolve elsewhere by then).
 */
@ApplicationScoped
public class WebhookTargets {

    /** A host resolver, replaceable in unit tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowLoopback;
    private final List<String> allowedHosts;
    private final Resolver resolver;

    @Inject
    WebhookTargets(@ConfigProperty(name = "training.webhooks.allow-loopback", defaultValue = "false")
                   boolean allowLoopback,
                   @ConfigProperty(name = "training.webhooks.allowed-hosts") Optional<List<String>> allowedHosts) {
        this(allowLoopback, allowedHosts.orElse(List.of()), InetAddress::getAllByName);
    }

    public WebhookTargets(boolean allowLoopback, List<String> allowedHosts, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).toList();
        this.resolver = resolver;
    }

    /** Why {@code url} may not be a target (a field-error code), or empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("webhook-target-invalid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("webhook-target-invalid");
        }
        String named = uri.getHost().toLowerCase(Locale.ROOT);
        String host = named.startsWith("[") && named.endsWith("]") ? named.substring(1, named.length() - 1) : named;
        boolean listed = allowedHosts.contains(host);
        if (!allowedHosts.isEmpty() && !listed && allowedHosts.stream()
                .noneMatch(h -> h.startsWith("*.") && host.endsWith(h.substring(1)))) {
            return Optional.of("webhook-target-not-allowed");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("webhook-target-unresolvable");
        }
        boolean allLoopback = addresses.length > 0;
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress()) {
                if (!allowLoopback) {
                    return Optional.of("webhook-target-not-allowed");
                }
                continue;
            }
            allLoopback = false;
            if (internal(address) && !listed) {
                return Optional.of("webhook-target-not-allowed");
            }
        }
        if (scheme.equals("http") && !(allowLoopback && allLoopback)) {
            return Optional.of("webhook-target-not-https");
        }
        return Optional.empty();
    }

    /** Addresses inside a private network or the host itself (loopback is decided separately). */
    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64/10
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) { // unique-local fc00::/7
                return true;
            }
            boolean mapped = true; // ::ffff:a.b.c.d: judge the IPv4 address
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    InetAddress v4 = InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                    return v4.isLoopbackAddress() || internal(v4);
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
