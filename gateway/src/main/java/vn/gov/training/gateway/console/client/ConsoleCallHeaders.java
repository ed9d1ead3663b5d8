package vn.gov.training.gateway.console.client;

import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import vn.gov.training.gateway.proxy.ApiProxy;
import vn.gov.training.gateway.web.TraceParent;

/**
 * The headers of every call the console makes to a service: the signed-in person's access token, the browser's
 * address as the API door forwards it, the trace, problem documents accepted besides the answer's own type, and an
 * {@code Idempotency-Key} on each JSON POST. Runs on the page's thread, where the person's request is current.
 */
@Singleton
public class ConsoleCallHeaders implements ClientRequestFilter {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    SecurityIdentity identity;
    @Inject
    CurrentVertxRequest currentRequest;

    @Override
    public void filter(ClientRequestContext call) {
        MultivaluedMap<String, Object> headers = call.getHeaders();
        headers.putSingle(HttpHeaders.ACCEPT, call.getAcceptableMediaTypes().stream().map(MediaType::toString)
                .collect(Collectors.joining(", ")) + ", " + PROBLEM);
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
        forwarded(headers);
        String traceparent = TraceParent.current();
        if (traceparent != null) {
            headers.putSingle(TraceParent.HEADER, traceparent);
        }
        if ("POST".equals(call.getMethod()) && call.hasEntity()
                && MediaType.APPLICATION_JSON_TYPE.isCompatible(call.getMediaType())) {
            headers.putSingle("Idempotency-Key", UUID.randomUUID().toString());
        }
    }

    /** The browser's address as {@code X-Forwarded-For} (as the gateway determined it), as the API door does. */
    private void forwarded(MultivaluedMap<String, Object> headers) {
        var ctx = currentRequest.getCurrent();
        if (ctx == null) {
            return;
        }
        var client = ApiProxy.client(ctx);
        headers.putSingle(ApiProxy.FORWARDED_FOR, client.address());
        headers.putSingle("X-Forwarded-Proto", client.https() ? "https" : "http");
        String host = ctx.request().getHeader("Host");
        if (host != null && !host.isBlank()) {
            headers.putSingle("X-Forwarded-Host", host);
        }
    }
}
