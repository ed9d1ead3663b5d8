package vn.gov.training.personnel.nationalsync.service;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
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
    private final Duration timeout;
    private final HttpClient http;
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
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
        if (keyStore.isPresent() || trustStore.isPresent()) {
            builder.sslContext(sslContext(keyStore, keyStorePassword, trustStore, trustStorePassword));
        }
        this.http = builder.build();
    }

    public Reply post(String path, String json) throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(endpoint.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Reply get(String path) throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(endpoint.resolve(path)).GET());
    }

    private Reply call(HttpRequest.Builder request) throws IOException, InterruptedException {
        request.timeout(timeout).header("Accept", "application/json");
        HttpResponse<String> response = http.send(request.copy().header("Authorization", "Bearer " + token(false))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() == 401) {
            response = http.send(request.header("Authorization", "Bearer " + token(true)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        return new Reply(response.statusCode(), response.body());
    }

    private synchronized String token(boolean renew) throws IOException, InterruptedException {
        if (!renew && token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenUrl).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token endpoint answered HTTP " + response.statusCode());
        }
        JsonNode body = JSON.readTree(response.body());
        token = body.path("access_token").asText();
        long seconds = body.path("expires_in").asLong(60);
        tokenExpires = Instant.now().plusSeconds(Math.max(5, seconds - 30));
        return token;
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
