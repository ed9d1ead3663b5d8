package vn.gov.training.gateway;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import vn.gov.training.platform.testing.Infrastructure;

/**
 * The real Keycloak of the test stack, and small Vert.x HTTP servers standing in for the services — only to check
 * the proxy mechanics (which service gets which path, what reaches it). Each echoes what it received as JSON;
 * a path containing {@code /slow} never answers, one containing {@code /broken} answers an HTML 500 page, one ending in {@code /created} a 201 with a
 * {@code Location} at the stub's own address. course-service is "down": its port has nothing listening.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        Infrastructure infra = Infrastructure.get();
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.oidc.auth-server-url", infra.keycloakUrl() + "/realms/" + infra.realm());
        config.put("training.keycloak.url", infra.keycloakUrl());
        for (String service : new String[] {"personnel", "enrolment", "reporting"}) {
            config.put("training.routes." + service, "http://127.0.0.1:" + echo(service));
        }
        config.put("training.routes.course", "http://127.0.0.1:" + freePort());
        config.put("training.gateway.upstream-timeout", "1S");
        return config;
    }

    private int echo(String service) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            if (request.path().contains("/slow")) {
                return; // never answers
            }
            if (request.path().endsWith("/created")) {
                // what a service behind the gateway answers: a Location at its own, internal address
                request.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                        .putHeader("Location", "http://127.0.0.1:" + request.localAddress().port()
                                + "/api/personnel/42?view=full")
                        .end("{\"id\":42}");
                return;
            }
            if (request.path().contains("/broken")) {
                request.response().setStatusCode(500).putHeader("Content-Type", "text/html")
                        .end("<html><body>java.lang.IllegalStateException at 127.0.0.1:" + request.localAddress().port()
                                + "</body></html>");
                return;
            }
            JsonObject echo = new JsonObject().put("service", service).put("method", request.method().name())
                    .put("uri", request.uri()).put("authorization", request.getHeader("Authorization"))
                    .put("cookie", request.getHeader("Cookie")).put("body", body.toString())
                    .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                    .put("forwardedProto", request.getHeader("X-Forwarded-Proto"))
                    .put("forwardedHost", request.getHeader("X-Forwarded-Host"))
                    .put("contentType", request.getHeader("Content-Type")).put("accept", request.getHeader("Accept"))
                    .put("idempotencyKey", request.getHeader("Idempotency-Key"));
            request.response().putHeader("Content-Type", "application/json").end(echo.encode());
        }));
        try {
            return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS).actualPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
