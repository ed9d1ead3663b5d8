package vn.gov.training.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The public APIs as the demo loader uses them: JSON over HTTP with a real token of a demo user. Every write is
 * made so that loading twice changes nothing (look up first, or an Idempotency-Key).
 */
public final class DemoApi {

    public record Reply(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build(); // plain HTTP: no h2c upgrade (a flaky one was seen in CI)
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final Map<String, String> env;
    private final String username;
    private volatile String token;

    DemoApi(Map<String, String> env, String username) {
        this.env = env;
        this.username = username;
        this.token = login(username);
    }

    /** A service's base URL from the stack's environment, e.g. {@code url("PERSONNEL_URL")}. */
    public String url(String name) {
        String value = env.get(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set: run the loader through deploy/stack");
        }
        return value;
    }

    public ObjectMapper json() {
        return json;
    }

    public Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public Reply post(String url, Object body) {
        return post(url, body, null);
    }

    public Reply post(String url, Object body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(write(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    /** Uploads a file as the request body, e.g. a staff list as {@code text/csv}. */
    public Reply postBytes(String url, String contentType, byte[] content) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
    }

    public Reply put(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Reply patch(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(write(body))));
    }

    /**
     * Runs {@code task} for every item on up to {@code threads} threads, which share this client, and returns the
     * results in the items' order. Only for calls that do not depend on one another; the first failure fails the
     * whole (the other tasks are cancelled).
     */
    public <T, R> List<R> inParallel(List<T> items, int threads, Function<T, R> task) {
        if (items.size() <= 1 || threads <= 1) {
            return items.stream().map(task).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()));
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> task.apply(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Fails the load with the server's problem document when a write was refused. */
    public Reply require(Reply reply, String what) {
        if (!reply.ok()) {
            throw new IllegalStateException(what + " failed with " + reply.status() + ": " + reply.body());
        }
        return reply;
    }

    private Reply send(HttpRequest.Builder request) {
        request.header("Accept", "application/json").header("Accept-Language", "vi").timeout(Duration.ofSeconds(30));
        try {
            HttpResponse<String> response = http.send(request.copy().header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 401) {
                // the access token lives 15 minutes: a long load signs in again once
                token = login(username);
                response = http.send(request.header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            String body = response.body();
            return new Reply(response.statusCode(), body == null || body.isBlank() ? null : json.readTree(body));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + request.build().uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private String login(String username) {
        Map<String, String> form = Map.of("grant_type", "password", "client_id", "training-cli",
                "username", username, "password", url("DEMO_PASSWORD"));
        String encoded = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("KEYCLOAK_URL") + "/realms/" + url("REALM")
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("login of " + username + " failed: " + response.statusCode());
            }
            return json.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Keycloak: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
