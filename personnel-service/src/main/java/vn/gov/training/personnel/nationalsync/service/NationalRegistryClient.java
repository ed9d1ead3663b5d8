package vn.gov.training.personnel.nationalsync.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP to the national database: the province's OAuth 2.0 client credentials (a token from
 * {@code training.national-sync.token-url}, kept until shortly before it expires, fetched again after a 401) and,
 * when a key store is configured, mutual TLS (PKCS#12 key store with the province's certificate, optional trust
 * store for the national side's CA).
 * <p>
 * The calls are blocking {@link HttpURLConnection}s over HTTP/1.1 with keep-alive: the connector sends one delivery
 * after another from one thread, and the JDK's asynchronous {@code HttpClient} spent about four times the CPU per call
 * (180 against 40 µs for a 1.4 KB POST, docs/performance.md, 2026-12-06). {@code training.national-sync.timeout}
 * bounds the connection and each wait for the answer; redirects are not followed (the bearer token goes only where
 * it is configured to go).
 */
@ApplicationScoped
public class NationalRegistryClient {

    /** An answer: HTTP status and body. */
    public record Reply(int status, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final int timeoutMillis;
    private final SSLSocketFactory tls;
    private volatile String token;
    private volatile Instant tokenExpires = Instant.EPOCH;

    NationalRegistryClient(@ConfigProperty(name = "training.national-sync.endpoint") URI endpoint,
                           @ConfigProperty(name = "training.national-sync.token-url") URI tokenUrl,
                           @ConfigProperty(name = "training.national-sync.client-id") String clientId,
                           @ConfigProperty(name = "training.national-sync.client-secret") String clientSecret,
                           @ConfigProperty(name = "training.national-sync.timeout", defaultValue = "10s") Duration timeout,
                           @ConfigProperty(name = "training.national-sync.tls.key-store") Optional<Path> keyStore,
                           @ConfigProperty(name = "training.national-sync.tls.key-store-password") Optional<String> keyStorePassword,
                           @ConfigProperty(name = "training.national-sync.tls.trust-store") Optional<Path> trustStore,
                           @ConfigProperty(name = "training.national-sync.tls.trust-store-password") Optional<String> trustStorePassword) {
        this.endpoint = endpoint;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        this.tls = keyStore.isPresent() || trustStore.isPresent()
                ? sslContext(keyStore, keyStorePassword, trustStore, trustStorePassword).getSocketFactory()
                : null;
    }

    public Reply post(String path, String json) throws IOException {
        return call("POST", endpoint.resolve(path), "application/json", json);
    }

    public Reply get(String path) throws IOException {
        return call("GET", endpoint.resolve(path), null, null);
    }

    private Reply call(String method, URI uri, String contentType, String body) throws IOException {
        Reply reply = exchange(method, uri, token(false), contentType, body);
        if (reply.status() == 401) {
            reply = exchange(method, uri, token(true), contentType, body);
        }
        return reply;
    }

    private synchronized String token(boolean renew) throws IOException {
        if (!renew && token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        Reply reply = exchange("POST", tokenUrl, null, "application/x-www-form-urlencoded", form);
        if (reply.status() != 200) {
            throw new IOException("token endpoint answered HTTP " + reply.status());
        }
        JsonNode answer = JSON.readTree(reply.body());
        token = answer.path("access_token").asText();
        long seconds = answer.path("expires_in").asLong(60);
        tokenExpires = Instant.now().plusSeconds(Math.max(5, seconds - 30));
        return token;
    }

    /**
     * One request and its whole answer. The answer (or error) body is read to its end and closed, so that the
     * connection goes back to the JDK's keep-alive cache.
     */
    private Reply exchange(String method, URI uri, String bearer, String contentType, String body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        if (tls != null && connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(tls);
        }
        connection.setConnectTimeout(timeoutMillis);
        connection.setReadTimeout(timeoutMillis);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setRequestMethod(method);
        connection.setRequestProperty("Accept", "application/json");
        if (bearer != null) {
            connection.setRequestProperty("Authorization", "Bearer " + bearer);
        }
        try {
            if (body != null) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                connection.setRequestProperty("Content-Type", contentType);
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = connection.getResponseCode();
            InputStream answer = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            if (answer == null) {
                return new Reply(status, "");
            }
            try (InputStream in = answer) {
                return new Reply(status, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            connection.disconnect(); // a broken exchange: its connection is not reused
            throw e;
        }
    }

    private static SSLContext sslContext(Optional<Path> keyStore, Optional<String> keyStorePassword,
                                         Optional<Path> trustStore, Optional<String> trustStorePassword) {
        try {
            KeyManagerFactory keys = null;
            if (keyStore.isPresent()) {
                char[] password = keyStorePassword.orElse("").toCharArray();
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(keyStore.get(), password), password);
            }
            TrustManagerFactory trust = null;
            if (trustStore.isPresent()) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(trustStore.get(), trustStorePassword.orElse("").toCharArray()));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(),
                    null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("training.national-sync.tls: cannot load the key or trust store", e);
        }
    }

    private static KeyStore load(Path file, char[] password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }
}
