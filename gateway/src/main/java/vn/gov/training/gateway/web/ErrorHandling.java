package vn.gov.training.gateway.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/**
 * The gateway's own failures as problem documents: no matching route (404), a method the route does not take
 * (405), a body over the limit (413), a failed authentication of an API call or a bearer token (401), a refused one
 * (403), anything unexpected (500, without the exception's text). A browser whose console session is missing or
 * ended is still sent to the login page (Quarkus' own challenge), which is not an error.
 */
@ApplicationScoped
public class ErrorHandling {

    private static final Logger LOG = Logger.getLogger(ErrorHandling.class);

    private final Limits limits;

    public ErrorHandling(Limits limits) {
        this.limits = limits;
    }

    void mount(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        router.errorHandler(404, ctx -> Problems.notFound(ctx.response(), ctx.normalizedPath()));
        router.errorHandler(405, ctx -> Problems.methodNotAllowed(ctx.response(), ctx.request().method().name()));
        router.errorHandler(413, ctx -> Problems.bodyTooLarge(ctx.response(), limits.maxBodySize()));
        router.errorHandler(500, ctx -> Problems.internalError(ctx.response()));
    }

    /**
     * A console request with the cookie of an ended session: the cookie is dropped and the browser sent to the login
     * page, as for a request without a session (quarkus-oidc itself answers 401 when the identity is refused).
     */
    private static void loginAgain(RoutingContext ctx) {
        for (var cookie : ctx.request().cookies()) {
            if (cookie.getName().startsWith("q_session")) {
                ctx.response().addCookie(io.vertx.core.http.Cookie.cookie(cookie.getName(), "").setPath("/")
                        .setMaxAge(0).setHttpOnly(true));
            }
        }
        HttpAuthenticator authenticator = ctx.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            Problems.unauthorized(ctx.response());
            return;
        }
        authenticator.sendChallenge(ctx).subscribe().with(sent -> {
            if (!ctx.response().ended()) {
                ctx.response().end();
            }
        }, error -> Problems.unauthorized(ctx.response()));
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().ended() || ctx.response().headWritten() || failure instanceof AuthenticationRedirectException) {
            ctx.next();
            return;
        }
        boolean api = ctx.normalizedPath().startsWith("/api/") || ctx.request().headers().contains("Authorization");
        if (causedBy(failure, SessionEndedException.class)) {
            if (api) {
                Problems.send(ctx.response(), 401, "session-ended", "Phiên đăng nhập đã kết thúc",
                        "Phiên đăng nhập này đã kết thúc (đã đăng xuất). Hãy đăng nhập lại.");
            } else {
                loginAgain(ctx);
            }
        } else if (failure instanceof AuthenticationCompletionException) {
            Problems.send(ctx.response(), 401, "login-failed", "Đăng nhập không thành công",
                    "Không hoàn tất được việc đăng nhập. Hãy mở lại trang quản trị để đăng nhập lại.");
        } else if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            if (!api) {
                ctx.next(); // the console: Quarkus sends the browser to the login page
                return;
            }
            if (ctx.request().headers().contains("Authorization")) {
                Problems.invalidToken(ctx.response());
            } else {
                Problems.unauthorized(ctx.response());
            }
        } else if (failure instanceof ForbiddenException) {
            Problems.forbidden(ctx.response());
        } else {
            int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
            if (status == 413) {
                Problems.bodyTooLarge(ctx.response(), limits.maxBodySize());
            } else if (status == 414) {
                Problems.uriTooLong(ctx.response(), limits.maxUriLength());
            } else if (status > 0 && status < 500) {
                Problems.status(ctx.response(), status);
            } else {
                if (failure != null) {
                    LOG.errorf("gateway failure on %s %s: %s", ctx.request().method(), ctx.normalizedPath(),
                            failure.getClass().getName());
                }
                Problems.internalError(ctx.response());
            }
        }
    }
}
