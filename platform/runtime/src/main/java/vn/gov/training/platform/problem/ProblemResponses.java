package vn.gov.training.platform.problem;

import java.util.List;
import java.util.Map;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/** Turns failures into problem+json responses with texts in the caller's language. */
@ApplicationScoped
public class ProblemResponses {

    private final Messages messages;
    private final CurrentVertxRequest request;

    ProblemResponses(Messages messages, CurrentVertxRequest request) {
        this.messages = messages;
        this.request = request;
    }

    public Response of(ProblemException e) {
        Response response = build(e.status(), e.code(), e.args(), e.errors(), e.extensions());
        if (e.retryAfterSeconds() == null) {
            return response;
        }
        return Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds()).build();
    }

    public Response of(int status, String code, List<FieldError> errors, Object... args) {
        return build(status, code, args, errors, Map.of());
    }

    /** 503 with {@code Retry-After}: the request failed because a part is away, not because of its content. */
    public Response unavailable(String code, int retryAfterSeconds) {
        return Response.fromResponse(build(503, code, new Object[] {retryAfterSeconds}, List.of(), Map.of()))
                .header("Retry-After", retryAfterSeconds).build();
    }

    private Response build(int status, String code, Object[] args, List<FieldError> errors,
                           Map<String, Object> extensions) {
        String title = messages.find("problem." + code + ".title", args);
        String detail = messages.find("problem." + code + ".detail", args);
        if (title == null) {
            title = messages.get("problem.status." + status);
        }
        Problem problem = new Problem(Problem.typeOf(code), title, status, detail, code, path(), errors,
                extensions);
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        if (status == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response.build();
    }

    private String path() {
        RoutingContext current = request.getCurrent();
        return current == null ? null : current.request().path();
    }
}
