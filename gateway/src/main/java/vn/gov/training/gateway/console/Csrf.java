package vn.gov.training.gateway.console;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.ws.rs.container.ContainerResponseContext;
import io.vertx.ext.web.RoutingContext;
import vn.gov.training.gateway.proxy.ApiProxy;
import vn.gov.training.gateway.web.Problems;

/**
 * Double-submit CSRF protection of the console: an http-only, SameSite=Strict cookie holds a random token; pages
 * put the same token into htmx's {@code hx-headers}, so every state-changing request sends it back as
 * {@code X-CSRF-Token}. A request whose header does not match the cookie is refused. (The API door checks the same
 * cookie and header for session calls.)
 */
public class Csrf {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String PROPERTY = "training.csrf-token";

    @ServerRequestFilter
    public Response check(ContainerRequestContext request, RoutingContext routing) {
        String token = tokenOf(request);
        request.setProperty(PROPERTY, token);
        routing.put(PROPERTY, token);
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return null;
        }
        if (!request.getUriInfo().getPath().startsWith("/console")) {
            return null;
        }
        Cookie cookie = request.getCookies().get(ApiProxy.CSRF_COOKIE);
        String header = request.getHeaderString(ApiProxy.CSRF_HEADER);
        if (cookie != null && header != null
                && MessageDigest.isEqual(cookie.getValue().getBytes(), header.getBytes())) {
            return null;
        }
        return Response.status(403).type(Problems.CONTENT_TYPE)
                .entity(Problems.body(403, "csrf-token-invalid", "Yêu cầu không hợp lệ",
                        "Thiếu hoặc sai mã chống giả mạo (CSRF). Hãy tải lại trang rồi thử lại.").toString())
                .build();
    }

    @ServerResponseFilter
    public void issue(ContainerRequestContext request, ContainerResponseContext response) {
        Cookie existing = request.getCookies().get(ApiProxy.CSRF_COOKIE);
        Object token = request.getProperty(PROPERTY);
        if (existing == null && token != null) {
            response.getHeaders().add("Set-Cookie", new NewCookie.Builder(ApiProxy.CSRF_COOKIE).value(token.toString())
                    .path("/").httpOnly(true).sameSite(NewCookie.SameSite.STRICT)
                    .secure("https".equals(request.getUriInfo().getRequestUri().getScheme())).build());
        }
    }

    private static String tokenOf(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(ApiProxy.CSRF_COOKIE);
        if (cookie != null && cookie.getValue().length() >= 32) {
            return cookie.getValue();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
