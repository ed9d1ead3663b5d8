package vn.gov.training.personnel.nationalsync.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * The national connector's transport against a real HTTPS server that demands the province's client certificate
 * (mutual TLS) and a bearer token of its own token endpoint: certificates made by the JDK's keytool for the test.
 */
class NationalRegistryClientTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    private static HttpsServer server;
    private static URI base;
    private static final AtomicInteger tokensIssued = new AtomicInteger();
    private static final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private static final List<String> clientNames = new CopyOnWriteArrayList<>();
    private static final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() throws Exception {
        keytool("-genkeypair", "-alias", "registry", "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-ext",
                "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", path("registry.p12"));
        keytool("-genkeypair", "-alias", "province", "-keyalg", "EC", "-dname", "CN=province-hau-giang",
                "-validity", "2", "-keystore", path("province.p12"));
        keytool("-exportcert", "-alias", "registry", "-keystore", path("registry.p12"), "-file", path("registry.cer"));
        keytool("-exportcert", "-alias", "province", "-keystore", path("province.p12"), "-file", path("province.cer"));
        keytool("-importcert", "-noprompt", "-alias", "registry", "-file", path("registry.cer"), "-keystore",
                path("trusts-registry.p12"));
        keytool("-importcert", "-noprompt", "-alias", "province", "-file", path("province.cer"), "-keystore",
                path("trusts-province.p12"));

        SSLContext context = SSLContext.getInstance("TLS");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load("registry.p12"), PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load("trusts-province.p12"));
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                parameters.setNeedClientAuth(true);
            }
        });
        server.createContext("/token", exchange -> {
            String form = read(exchange);
            if (!form.contains("grant_type=client_credentials") || !form.contains("client_id=national-sync")) {
                answer(exchange, 400, "{}");
                return;
            }
            answer(exchange, 200, "{\"access_token\":\"t" + tokensIssued.incrementAndGet() + "\",\"expires_in\":300}");
        });
        server.createContext("/api/v1/files/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            clientNames.add(clientName((HttpsExchange) exchange));
            String body = read(exchange);
            String bearer = exchange.getRequestHeaders().getFirst("Authorization");
            if (bearer == null || revoked.contains(bearer.substring("Bearer ".length()))) {
                answer(exchange, 401, "{\"error\":\"invalid_token\"}");
                return;
            }
            answer(exchange, 200, "{\"receipt\":\"R-" + body.length() + "\"}");
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        base = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    @Test
    void sendsWithTheProvinceCertificateOnKeptConnectionsAndRenewsARefusedToken() throws Exception {
        NationalRegistryClient client = client(Optional.of(dir.resolve("province.p12")));
        int portsBefore = clientPorts.size();
        int callsBefore = clientNames.size();

        for (int i = 0; i < 20; i++) {
            NationalRegistryClient.Reply reply = client.post("/api/v1/files/001234567890/changes",
                    "{\"section\":\"TRAINING\",\"note\":\"Bồi dưỡng kiến thức quốc phòng và an ninh\"}");
            assertEquals(200, reply.status());
            assertTrue(reply.body().startsWith("{\"receipt\":\"R-"), reply.body());
        }
        List<String> seen = clientNames.subList(callsBefore, clientNames.size());
        assertEquals(20, seen.size());
        assertTrue(seen.stream().allMatch("CN=province-hau-giang"::equals), seen.toString());
        // keep-alive: twenty calls, one after another, over one connection (or two, should the server close one)
        assertTrue(clientPorts.size() - portsBefore <= 2, "connections: " + (clientPorts.size() - portsBefore));

        // the national side stops accepting the token: the client fetches another once and the call goes through
        int issued = tokensIssued.get();
        revoked.add("t" + issued);
        NationalRegistryClient.Reply reply = client.post("/api/v1/files/001234567890/changes", "{}");
        assertEquals(200, reply.status());
        assertEquals(issued + 1, tokensIssued.get());

        // a refusal that a new token does not cure is the caller's answer, with the body read
        revoked.add("t" + (issued + 1));
        revoked.add("t" + (issued + 2));
        NationalRegistryClient.Reply refused = client.post("/api/v1/files/001234567890/changes", "{}");
        assertEquals(401, refused.status());
        assertEquals("{\"error\":\"invalid_token\"}", refused.body());
    }

    @Test
    void aClientWithoutTheProvinceCertificateIsTurnedAwayInTheHandshake() {
        NationalRegistryClient client = client(Optional.empty());
        int callsBefore = clientNames.size();
        assertThrows(IOException.class, () -> client.post("/api/v1/files/001234567890/changes", "{}"));
        assertEquals(callsBefore, clientNames.size(), "no request reached the national side");
    }

    private static NationalRegistryClient client(Optional<Path> keyStore) {
        return new NationalRegistryClient(base, base.resolve("/token"), "national-sync", "secret",
                Duration.ofSeconds(5), keyStore, keyStore.map(k -> PASSWORD),
                Optional.of(dir.resolve("trusts-registry.p12")), Optional.of(PASSWORD));
    }

    private static String clientName(HttpsExchange exchange) {
        try {
            return ((X509Certificate) exchange.getSSLSession().getPeerCertificates()[0]).getSubjectX500Principal()
                    .getName();
        } catch (SSLPeerUnverifiedException e) {
            return "none";
        }
    }

    private static String read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String path(String file) {
        return dir.resolve(file).toString();
    }

    private static KeyStore load(String file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(file))) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        if (List.of(args).contains("-genkeypair")) {
            command.addAll(List.of("-keypass", PASSWORD));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }
}
