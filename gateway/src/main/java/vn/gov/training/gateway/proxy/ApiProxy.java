package vn.gov.training.gateway.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import vn.gov.training.gateway.web.EdgeFilter;
import vn.gov.training.gateway.web.Problems;
import vn.gov.training.gateway.web.TraceParent;
import vn.gov.training.gateway.web.TrustedProxies;

/**
 * The API door: {@code /api/**} is relayed by vertx-http-proxy to the service the {@link RouteTable} names, with
 * the caller's access token as {@code Authorization: Bearer} (a bearer caller's own token, or the access token of
 * the browser's server-side session). Checks here: a caller is known (401 problem, never a login redirect), the
 * rate per client (429 + Retry-After), CSRF for state-changing calls made with the session cookie.
 */
@ApplicationScoped
public class ApiProxy {

    public static final String CSRF_COOKIE = "csrf-token";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String FORWARDED_FOR = "X-Forwarded-For";
    /** Forwarding headers a client might send; none of them is passed on as sent. */
    public static final java.util.List<String> FORWARDING_HEADERS = java.util.List.of("Forwarded", FORWARDED_FOR,
            "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Server",
            "X-Real-IP", "X-Client-IP", "True-Client-IP", "CF-Connecting-IP");
    private static final Logger LOG = Logger.getLogger(ApiProxy.class);

    private final RouteTable routes;
    private final RateLimiter limiter;
    private final Duration connectTimeout;
    private final Duration upstreamTimeout;
    private final Map<String, HttpProxy> proxies = new HashMap<>();
    private final Optional<String> publicUrl;

    public ApiProxy(RouteTable routes, RateLimiter limiter,
            @ConfigProperty(name = "training.gateway.connect-timeout") Duration connectTimeout,
            @ConfigProperty(name = "training.gateway.upstream-timeout") Duration upstreamTimeout,
            @ConfigProperty(name = "training.gateway.public-url") Optional<String> publicUrl) {
        this.publicUrl = publicUrl.filter(url -> !url.isBlank());
        this.routes = routes;
        this.limiter = limiter;
        this.connectTimeout = connectTimeout;
        this.upstreamTimeout = upstreamTimeout;
    }

    void mount(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis()).setKeepAlive(true).setMaxPoolSize(64));
        for (String service : RouteTable.SERVICES) {
            URI origin = routes.origin(service);
            SocketAddress address = SocketAddress.inetSocketAddress(
                    origin.getPort() > 0 ? origin.getPort() : 80, origin.getHost());
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .originRequestProvider((request, httpClient) -> httpClient.request(new RequestOptions()
                            .setServer(address).setIdleTimeout(upstreamTimeout.toMillis())))
                    .addInterceptor(new UpstreamFailures(service));
            proxies.put(service, proxy);
        }
        router.route("/api/*").handler(this::handle);
        LOG.infof("API routes: %s", routes);
    }

    private void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        Optional<String> service = routes.serviceFor(path);
        if (service.isEmpty()) {
            Problems.send(ctx.response(), 404, "route-not-found", "Không tìm thấy",
                    "Không có dịch vụ nào phục vụ đường dẫn " + path + ".");
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(
                identity -> ctx.vertx().runOnContext(v -> relay(ctx, service.get(), identity)),
                failure -> Problems.unauthorized(ctx.response()));
    }

    private void relay(RoutingContext ctx, String service, SecurityIdentity identity) {
        String path = ctx.normalizedPath();
        boolean anonymous = identity == null || identity.isAnonymous();
        if (anonymous && !routes.isPublic(path)) {
            Problems.unauthorized(ctx.response());
            return;
        }
        long wait = anonymous && ctx.get(EdgeFilter.RATE_COUNTED) != null ? 0
                : limiter.acquire(clientKey(ctx, identity, anonymous));
        if (wait > 0) {
            Problems.rateLimited(ctx.response(), wait);
            return;
        }
        var headers = ctx.request().headers();
        boolean bearer = headers.contains("Authorization");
        if (!anonymous && !bearer && !isSafe(ctx.request().method()) && !csrfTokenMatches(ctx)) {
            Problems.send(ctx.response(), 403, "csrf-token-invalid", "Yêu cầu không hợp lệ",
                    "Thiếu hoặc sai mã chống giả mạo (CSRF). Hãy tải lại trang rồi thử lại.");
            return;
        }
        headers.remove("Cookie");
        headers.remove(CSRF_HEADER);
        if (!anonymous) {
            AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
            if (token == null) {
                Problems.unauthorized(ctx.response());
                return;
            }
            headers.set("Authorization", "Bearer " + token.getToken());
        }
        forwardedHeaders(ctx);
        traceHeaders(ctx);
        ctx.addHeadersEndHandler(v -> publicHeaders(ctx));
        proxies.get(service).handle(ctx.request());
    }

    /**
     * The request id the services see: the gateway's own trace context ({@code traceparent}, a child of the one the
     * client sent, if any), never a {@code tracestate} the client made up.
     */
    static void traceHeaders(RoutingContext ctx) {
        var headers = ctx.request().headers();
        headers.remove("tracestate");
        String traceparent = TraceParent.current();
        if (traceparent != null) {
            headers.set(TraceParent.HEADER, traceparent);
        }
    }

    /**
     * What the services learn about the client: {@code X-Forwarded-For} is the client's address as the gateway
     * determined it (the connection's peer, or what a trusted proxy said: {@link TrustedProxies}), never what the
     * client itself sent, so that a service's per-client limit cannot be dodged with a made-up header;
     * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} say how the client reached the gateway. Any other
     * forwarding header of the request is dropped.
     */
    static void forwardedHeaders(RoutingContext ctx) {
        var headers = ctx.request().headers();
        TrustedProxies.Client client = client(ctx);
        String host = ctx.request().getHeader("Host");
        for (String name : FORWARDING_HEADERS) {
            headers.remove(name);
        }
        headers.set(FORWARDED_FOR, client.address());
        headers.set("X-Forwarded-Proto", client.https() ? "https" : "http");
        if (host != null && !host.isBlank()) {
            headers.set("X-Forwarded-Host", host);
        }
    }

    /**
     * A service's answer as the client must see it: a {@code Location} / {@code Content-Location} that points at a
     * service's own address ({@code http://127.0.0.1:28081/api/personnel/...}) is rewritten to the gateway's public
     * address ({@code training.gateway.public-url}, else the scheme and {@code Host} the client used); answers are not
     * cached unless the service said otherwise (they carry personal data).
     */
    private void publicHeaders(RoutingContext ctx) {
        var headers = ctx.response().headers();
        for (String name : new String[] {"Location", "Content-Location"}) {
            String value = headers.get(name);
            String rewritten = value == null ? null : publicLocation(value, ctx);
            if (rewritten != null) {
                headers.set(name, rewritten);
            }
        }
        if (!headers.contains("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
    }

    /** The public form of an absolute location at one of the services, or null to leave it as it is. */
    String publicLocation(String location, RoutingContext ctx) {
        URI uri;
        try {
            uri = URI.create(location.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!uri.isAbsolute() || uri.getRawAuthority() == null || !isServiceOrigin(uri)) {
            return null;
        }
        String base = publicUrl.orElseGet(() -> {
            String host = ctx.request().getHeader("Host");
            return (client(ctx).https() ? "https" : "http") + "://"
                    + (host == null || host.isBlank() ? "localhost" : host);
        });
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return stripSlash(base) + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    private boolean isServiceOrigin(URI uri) {
        for (String service : RouteTable.SERVICES) {
            URI origin = routes.origin(service);
            if (origin.getHost().equalsIgnoreCase(uri.getHost()) && port(origin) == port(uri)) {
                return true;
            }
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        return host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost") || host.equals("[::1]");
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The client as {@link vn.gov.training.gateway.web.EdgeFilter} resolved it. */
    public static TrustedProxies.Client client(RoutingContext ctx) {
        TrustedProxies.Client client = ctx.get(TrustedProxies.CLIENT);
        if (client == null) {
            SocketAddress remote = ctx.request().remoteAddress();
            client = new TrustedProxies.Client(remote == null ? "unknown" : remote.hostAddress(), ctx.request().isSSL());
        }
        return client;
    }

    private static boolean isSafe(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    }

    private static boolean csrfTokenMatches(RoutingContext ctx) {
        var cookie = ctx.request().getCookie(CSRF_COOKIE);
        String header = ctx.request().getHeader(CSRF_HEADER);
        return cookie != null && header != null && !header.isBlank()
                && java.security.MessageDigest.isEqual(cookie.getValue().getBytes(), header.getBytes());
    }

    private static String clientKey(RoutingContext ctx, SecurityIdentity identity, boolean anonymous) {
        if (!anonymous) {
            if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
                return "sub:" + jwt.getSubject();
            }
            return "name:" + identity.getPrincipal().getName();
        }
        return "ip:" + client(ctx).address();
    }
}
