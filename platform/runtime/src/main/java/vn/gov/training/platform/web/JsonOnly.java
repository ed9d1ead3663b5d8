package vn.gov.training.platform.web;

import java.io.File;
import java.io.InputStream;
import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import vn.gov.training.platform.problem.Problem;
import vn.gov.training.platform.problem.ProblemResponses;

/**
 * Objects leave a service as JSON only. A resource without {@code @Produces} lets the caller's {@code Accept} choose
 * the content type, and for a spreadsheet or CSV that no writer knows the object went out as its {@code toString()}
 * with a 200 ({@code PageResponse[items=[PersonView[...}). Such a response becomes a 406 problem. Real exports
 * return bytes, a stream or text and declare their type with {@code @Produces}; they pass.
 */
public class JsonOnly {

    private final ProblemResponses problems;

    JsonOnly(ProblemResponses problems) {
        this.problems = problems;
    }

    @ServerResponseFilter
    public void refuseUnwritableFormats(ContainerRequestContext request, ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity == null || isRaw(entity) || response.getStatus() >= 300) {
            return;
        }
        MediaType type = response.getMediaType();
        if (type != null ? isJson(type) : acceptsJson(request.getAcceptableMediaTypes())) {
            return;
        }
        Response problem = problems.of(406, "not-acceptable", List.of());
        response.setStatus(problem.getStatus());
        response.getHeaders().remove("Content-Disposition");
        response.setEntity(problem.getEntity(), new java.lang.annotation.Annotation[0],
                MediaType.valueOf(Problem.MEDIA_TYPE));
    }

    /** Accepts JSON: {@code application/json}, a {@code +json} type, or a wildcard that covers them. */
    static boolean acceptsJson(List<MediaType> acceptable) {
        return acceptable.isEmpty() || acceptable.stream().anyMatch(a -> a.isWildcardType()
                || a.getType().equals("application") && (a.isWildcardSubtype() || isJson(a)));
    }

    static boolean isJson(MediaType type) {
        return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
    }

    private static boolean isRaw(Object entity) {
        return entity instanceof String || entity instanceof byte[] || entity instanceof InputStream
                || entity instanceof StreamingOutput || entity instanceof File || entity instanceof java.nio.file.Path
                || entity instanceof io.vertx.core.buffer.Buffer;
    }
}
