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

    private final boolean secureCookies;

    public EdgeFilter(@ConfigProperty(name = "training.keycloak.url") String keycloakUrl, Limits limits,
            TrustedProxies proxies, RateLimiter limiter,
            @ConfigProperty(name = "training.gateway.secure-cookies", defaultValue = "false") boolean secureCookies) {
        this.secureCookies = secureCookies;
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

    /** The console, the site root and login/logout: every page a signed-in person sees. */
    private static boolean isPage(String path) {
        return path.equals("/") || path.equals("/console") || path.startsWith("/console/") || path.equals("/logout");
    }

    /**
     * Every cookie the response sets gets {@code Secure}: cookies set through Vert.x (quarkus-oidc's session and state
     * cookies, still in the cookie jar when the headers end) and {@code Set-Cookie} headers written directly (the
     * console's CSRF cookie).
     */
    private static void secureCookies(RoutingContext ctx) {
        for (var cookie : ctx.request().cookies()) {
            if (cookie instanceof io.vertx.core.http.impl.ServerCookie server && server.isChanged()) {
                cookie.setSecure(true);
            }
        }
        var headers = ctx.response().headers();
        var cookies = headers.getAll("Set-Cookie");
        if (!cookies.isEmpty()) {
            var secured = cookies.stream().map(value -> value.toLowerCase(java.util.Locale.ROOT)
                    .matches("(?s).*;\\s*secure\\s*(;.*)?$") ? value : value + "; Secure").toList();
            headers.remove("Set-Cookie");
            secured.forEach(value -> headers.add("Set-Cookie", value));
        }
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
            if (tls || secureCookies) {
                secureCookies(ctx);
            }
            if (isPage(ctx.normalizedPath())) {
                // console pages show personal data: neither the browser nor a proxy keeps a copy
                headers.set("Cache-Control", "no-store");
                headers.set("Pragma", "no-cache");
            }
        });
    }

    private void close(RoutingContext ctx) {
        ctx.response().putHeader("Connection", "close");
        ctx.response().endHandler(v -> ctx.request().connection().close());
        addSecurityHeaders(ctx, false);
    }
}
