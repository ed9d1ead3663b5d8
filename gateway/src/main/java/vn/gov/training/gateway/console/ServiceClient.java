package vn.gov.training.gateway.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import vn.gov.training.gateway.proxy.RouteTable;
import vn.gov.training.gateway.web.TraceParent;

/**
 * How the console's pages call the services: server-side, on the gateway's own route table (the same
 * longest-prefix routing as the API door), with the signed-in person's access token from the session.
 */
@ApplicationScoped
public class ServiceClient {

    @Inject
    RouteTable routes;
    @Inject
    SecurityIdentity identity;
    @Inject
    ObjectMapper mapper;
    @Inject
    CurrentVertxRequest currentRequest;
    @ConfigProperty(name = "training.console.service-timeout")
    Duration timeout;
    @ConfigProperty(name = "training.gateway.connect-timeout")
    Duration connectTimeout;

    private volatile HttpClient client;

    public ApiResult get(String path) {
        return send(path, "GET", null, null, Map.of());
    }

    /** A GET started now and answered later, so that a page can ask several services at once. */
    public java.util.concurrent.CompletableFuture<ApiResult> getAsync(String path) {
        HttpRequest request = request(path, "application/json").GET().build();
        return client().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(this::toResult)
                .exceptionally(failure -> failureOf(failure instanceof java.util.concurrent.CompletionException
                        && failure.getCause() != null ? failure.getCause() : failure));
    }

    /** A GET to one named service (a path every service answers for itself, e.g. {@code /api/admin/dead-letters}). */
    public ApiResult getFrom(String service, String path) {
        return send(service, path, "GET", null, null, Map.of());
    }

    /** A POST without a body to one named service. */
    public ApiResult postTo(String service, String path) {
        return send(service, path, "POST", null, null, Map.of());
    }

    public ApiResult post(String path, Object body) {
        return send(path, "POST", json(body), "application/json", Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    public ApiResult patch(String path, Object body) {
        return send(path, "PATCH", json(body), "application/json", Map.of());
    }

    public ApiResult put(String path, Object body) {
        return send(path, "PUT", json(body), "application/json", Map.of());
    }

    /** Sends a file as the raw request body (how the services take .xlsx and .csv uploads), with its media type. */
    public ApiResult postFile(String path, String contentType, byte[] content) {
        return send(path, "POST", content, contentType, Map.of());
    }

    /** Puts a file as the raw request body (evidence files), with its media type. */
    public ApiResult putFile(String path, String contentType, byte[] content) {
        return send(path, "PUT", content, contentType, Map.of());
    }

    /** A binary answer (Excel, iCalendar): status, content type, bytes. */
    public record Download(int status, String contentType, String fileName, byte[] bytes) {
    }

    public Download download(String path, String accept) {
        try {
            HttpResponse<byte[]> response = client().send(request(path, accept).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String disposition = response.headers().firstValue("Content-Disposition").orElse(null);
            return new Download(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/octet-stream"), disposition,
                    response.body());
        } catch (IOException e) {
            return new Download(503, "text/plain", null, new byte[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Download(503, "text/plain", null, new byte[0]);
        }
    }

    private ApiResult send(String path, String method, byte[] body, String contentType, Map<String, String> headers) {
        return send(null, path, method, body, contentType, headers);
    }

    private ApiResult send(String service, String path, String method, byte[] body, String contentType,
            Map<String, String> headers) {
        HttpRequest.Builder builder = service == null ? request(path, "application/json")
                : request(routes.origin(service), path, "application/json");
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        headers.forEach(builder::header);
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return toResult(client().send(builder.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            return failureOf(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ApiResult.failure(503, "Yêu cầu bị gián đoạn", null);
        }
    }

    private ApiResult toResult(HttpResponse<byte[]> response) {
        Object parsed = null;
        if (response.body().length > 0 && response.headers().firstValue("Content-Type").orElse("").contains("json")) {
            try {
                parsed = mapper.readValue(response.body(), Object.class);
            } catch (IOException e) {
                parsed = null;
            }
        }
        return new ApiResult(response.statusCode(), parsed);
    }

    private static ApiResult failureOf(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException || failure instanceof java.net.ConnectException) {
            return ApiResult.failure(503, "Dịch vụ tạm thời không sẵn sàng",
                    "Không kết nối được tới dịch vụ. Vui lòng thử lại sau ít phút.");
        }
        if (failure instanceof HttpTimeoutException) {
            return ApiResult.failure(504, "Dịch vụ phản hồi quá chậm", "Dịch vụ không trả lời kịp thời. Vui lòng thử lại sau.");
        }
        return ApiResult.failure(503, "Dịch vụ tạm thời không sẵn sàng", String.valueOf(failure.getMessage()));
    }

    private HttpRequest.Builder request(String path, String accept) {
        String service = routes.serviceFor(path.contains("?") ? path.substring(0, path.indexOf('?')) : path)
                .orElseThrow(() -> new IllegalArgumentException("no route for " + path));
        return request(routes.origin(service), path, accept);
    }

    private HttpRequest.Builder request(URI origin, String path, String accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(origin.resolve(path)).timeout(timeout)
                .header("Accept", accept + ", application/problem+json");
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token.getToken());
        }
        forwardedFor(builder);
        String traceparent = TraceParent.current();
        if (traceparent != null) {
            builder.header(TraceParent.HEADER, traceparent);
        }
        return builder;
    }

    /** The browser's address as {@code X-Forwarded-For} (as the gateway determined it), as the API door does. */
    private void forwardedFor(HttpRequest.Builder builder) {
        var ctx = currentRequest.getCurrent();
        if (ctx == null) {
            return;
        }
        var client = vn.gov.training.gateway.proxy.ApiProxy.client(ctx);
        builder.header(vn.gov.training.gateway.proxy.ApiProxy.FORWARDED_FOR, client.address());
        builder.header("X-Forwarded-Proto", client.https() ? "https" : "http");
        String host = ctx.request().getHeader("Host");
        if (host != null && !host.isBlank()) {
            builder.header("X-Forwarded-Host", host);
        }
    }

    private byte[] json(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                            .version(HttpClient.Version.HTTP_1_1).build();
                }
            }
        }
        return client;
    }
}
