package vn.gov.training.gateway.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;
import vn.gov.training.gateway.proxy.RateLimiter;
import io.vertx.ext.web.RoutingContext;

/**
 * First handler of every request: the size limits (414, 431, 413 as problem documents, see {@link Limits}), who the
 * client is ({@link TrustedProxies}), the rate of requests without credentials or with a token that cannot be the
 * realm's by client address (429), such tokens refused at once (401, see {@link BearerTokens}), security
 * headers on every response (CSP without inline scripts, frame denial, HSTS on TLS, no sniffing, referrer policy),
 * and API request bodies held back until the proxy reads them.
 */
@ApplicationScoped
public class EdgeFilter {

    /** Set when this request has been counted against its client address' rate already. */
    public static final String RATE_COUNTED = "training.rate-counted";

    private final String csp;
    private final Limits limits;
    private final TrustedProxies proxies;
    private final RateLimiter limiter;

    public EdgeFilter(@ConfigProperty(name = "training.keycloak.url") String keycloakUrl, Limits limits,
            TrustedProxies proxies, RateLimiter limiter) {
        this.limits = limits;
        this.proxies = proxies;
        this.limiter = limiter;
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
        TrustedProxies.Client client = proxies.resolve(request);
        ctx.put(TrustedProxies.CLIENT, client);
        addSecurityHeaders(ctx, client.https());
        String authorization = request.getHeader("Authorization");
        boolean credentials = authorization != null || hasSessionCookie(ctx);
        if (!credentials || authorization != null && !BearerTokens.plausible(authorization)) {
            // no credentials, or a token that cannot be the realm's: limited by the client's address
            long wait = ctx.normalizedPath().startsWith("/q/health") ? 0 : limiter.acquire("ip:" + client.address());
            if (wait > 0) {
                Problems.rateLimited(ctx.response(), wait);
                return;
            }
            ctx.put(RATE_COUNTED, Boolean.TRUE);
            if (credentials) {
                Problems.invalidToken(ctx.response()); // unsigned or malformed: refused here, never introspected
                return;
            }
        }
        if (ctx.normalizedPath().startsWith("/api/")) {
            // authentication is asynchronous: keep the body in the socket until vertx-http-proxy pipes it
            ctx.request().pause();
        }
        ctx.next();
    }

    private static boolean hasSessionCookie(RoutingContext ctx) {
        for (var cookie : ctx.request().cookies()) {
            if (cookie.getName().startsWith("q_session")) {
                return true;
            }
        }
        return false;
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
