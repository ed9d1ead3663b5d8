package vn.gov.training.reporting.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Which webhook targets are refused (SSRF into the cluster), with host names resolved by a fixed table instead of
 * DNS: a public host, a name that resolves to a private address, the cloud metadata address, loopback.
 */
class WebhookTargetsTest {

    private static final Map<String, String> DNS = Map.of(
            "partner.gov.vn", "203.0.113.10",
            "intranet.gov.vn", "10.20.30.40",
            "sneaky.example", "169.254.169.254",
            "reporting-service.cluster.local", "172.20.0.5",
            "localhost", "127.0.0.1");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.containsKey(host) ? DNS.get(host) : host.matches("[0-9a-f:.]+") ? host : null;
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }

    private static Optional<String> refusal(boolean loopback, List<String> allowed, String url) {
        return new WebhookTargets(loopback, allowed, WebhookTargetsTest::resolve).refusal(url);
    }

    @Test
    void publicHttpsTargetsAreAcceptedAndInternalOnesRefused() {
        assertEquals(Optional.empty(), refusal(false, List.of(), "https://partner.gov.vn/hooks/training"));
        assertEquals(Optional.empty(), refusal(false, List.of(), "https://203.0.113.10:8443/h"));
        for (String url : List.of("https://intranet.gov.vn/x", "https://sneaky.example/latest/meta-data",
                "https://169.254.169.254/", "https://reporting-service.cluster.local/api/admin/rebuild",
                "https://10.0.0.1/", "https://192.168.1.1/", "https://100.64.0.1/", "https://0.0.0.0/",
                "https://[fd00::1]/", "https://[::ffff:10.0.0.1]/", "https://224.0.0.1/", "https://localhost/",
                "https://127.0.0.1/", "https://[::1]/")) {
            assertEquals(Optional.of("webhook-target-not-allowed"), refusal(false, List.of(), url), url);
        }
    }

    @Test
    void onlyAbsoluteHttpsUrlsWithoutCredentials() {
        for (String url : List.of("ftp://partner.gov.vn/x", "file:///etc/passwd", "/relative", "partner.gov.vn",
                "https://user:pw@partner.gov.vn/x", "https://partner.gov.vn/x#frag", "https:///nohost", "http//x",
                "gopher://partner.gov.vn/")) {
            assertEquals(Optional.of("webhook-target-invalid"), refusal(false, List.of(), url), url);
        }
        assertEquals(Optional.of("webhook-target-not-https"), refusal(false, List.of(), "http://partner.gov.vn/x"));
        assertEquals(Optional.of("webhook-target-unresolvable"), refusal(false, List.of(), "https://nowhere.invalid/"));
    }

    @Test
    void loopbackAndHttpOnlyWhereAllowedForDevelopmentAndTests() {
        assertEquals(Optional.empty(), refusal(true, List.of(), "http://127.0.0.1:43999/hook"));
        assertEquals(Optional.empty(), refusal(true, List.of(), "http://localhost:43999/hook"));
        assertEquals(Optional.empty(), refusal(true, List.of(), "http://[::1]:43999/hook"));
        // http stays refused for other hosts, and private addresses stay refused
        assertEquals(Optional.of("webhook-target-not-https"), refusal(true, List.of(), "http://partner.gov.vn/x"));
        assertEquals(Optional.of("webhook-target-not-allowed"), refusal(true, List.of(), "http://10.0.0.1/x"));
    }

    @Test
    void theAllowListRestrictsHostsAndAlonePermitsANamedPrivateHost() {
        List<String> allowed = List.of("*.haugiang.gov.vn", "intranet.gov.vn");
        assertEquals(Optional.of("webhook-target-not-allowed"), refusal(false, allowed, "https://partner.gov.vn/x"));
        assertEquals(Optional.of("webhook-target-unresolvable"),
                refusal(false, allowed, "https://sonoivu.haugiang.gov.vn/x"));
        // a private address only for a host named exactly
        assertEquals(Optional.empty(), refusal(false, allowed, "https://intranet.gov.vn/x"));
        assertEquals(Optional.of("webhook-target-not-allowed"),
                refusal(false, List.of("*.gov.vn"), "https://intranet.gov.vn/x"));
    }
}
