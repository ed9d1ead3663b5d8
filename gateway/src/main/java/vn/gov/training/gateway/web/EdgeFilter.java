package vn.gov.training.gateway.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * First handler of every request: the size limits (414, 431, 413 as problem documents, see {@link Limits}), security
 * headers on every response (CSP without inline scripts, frame denial, HSTS on TLS, no sniffing, referrer policy),
 * and API request bodies held back until the proxy reads them.
 */
@ApplicationScoped
public class EdgeFilter {

    private final String csp;
    private final Limits limits;

    public EdgeFilter(@ConfigProperty(name = "training.keycloak.url") String keycloakUrl, Limits limits) {
        this.limits = limits;
        this.csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                + "frame-ancestors 'none'; form-action 'self' " + keycloakUrl;
    }

    void mount(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        var request = ctx.request();
        if (limits.uriTooLong(request.uri())) {
            close(ctx);
            Problems.uriTooLong(ctx.response(), limits.maxUriLength());
            return;
        }
        if (limits.headersTooLarge(request.headers())) {
            close(ctx);
            Problems.headersTooLarge(ctx.response());
            return;
        }
        if (limits.bodyTooLarge(request.getHeader("Content-Length"))) {
            close(ctx); // the body is not read: the connection cannot be reused
            Problems.bodyTooLarge(ctx.response(), limits.maxBodySize());
            return;
        }
        if (ctx.normalizedPath().startsWith("/api/")) {
            // authentication is asynchronous: keep the body in the socket until vertx-http-proxy pipes it
            ctx.request().pause();
        }
        boolean tls = ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
        addSecurityHeaders(ctx, tls);
        ctx.next();
    }

    private void addSecurityHeaders(RoutingContext ctx, boolean tls) {
        ctx.addHeadersEndHandler(v -> {
            var headers = ctx.response().headers();
            headers.set("Content-Security-Policy", csp);
            headers.set("X-Frame-Options", "DENY");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
            if (tls) {
                headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
        });
    }

    private void close(RoutingContext ctx) {
        ctx.response().putHeader("Connection", "close");
        ctx.response().endHandler(v -> ctx.request().connection().close());
        addSecurityHeaders(ctx, false);
    }
}
