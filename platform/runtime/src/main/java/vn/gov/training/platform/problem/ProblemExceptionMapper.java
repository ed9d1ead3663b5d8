package vn.gov.training.platform.problem;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import vn.gov.training.platform.web.DateOutOfRangeException;
import vn.gov.training.platform.web.DateRange;
import vn.gov.training.platform.web.DateRangeParams;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

import vn.gov.training.platform.resilience.DatabaseOutage;
import vn.gov.training.platform.resilience.TransientFailure;
import vn.gov.training.platform.web.StrictJson;

/**
 * Every error leaves a service as {@code application/problem+json} with a stable code; nothing else (no stack
 * trace, no HTML page) ever reaches the caller.
 */
public class ProblemExceptionMapper {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    private final ProblemResponses problems;
    private final Messages messages;
    private final DatabaseOutage outage;

    @ConfigProperty(name = "training.outage.retry-after", defaultValue = "5s")
    Duration retryAfter;

    ProblemExceptionMapper(ProblemResponses problems, Messages messages, DatabaseOutage outage) {
        this.problems = problems;
        this.messages = messages;
        this.outage = outage;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return problems.of(e);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String code = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            errors.add(new FieldError(fieldPath(violation.getPropertyPath()), code, violation.getMessage()));
        }
        return problems.of(400, "validation-failed", errors);
    }

    /** Jackson's own mapper handles this type; ours must be as specific to take precedence. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(JsonProcessingException e) {
        if (e instanceof StrictJson.TextRejected text) {
            String field = text.getPath().isEmpty() ? null : jsonPath(text);
            return problems.of(400, "validation-failed",
                    List.of(messages.fieldError(field, text.code(), text.args())));
        }
        if (isSyntaxError(e)) {
            // not JSON at all, a duplicate key, invalid UTF-8, an absurd size: the body as a whole is refused, even
            // when Jackson noticed it in the middle of a field
            return problems.of(400, "malformed-json", List.of());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping);
            if (e instanceof DateOutOfRangeException) {
                return problems.of(400, "validation-failed",
                        List.of(messages.fieldError(field, DateRange.CODE, DateRange.MIN, DateRange.MAX)));
            }
            String code = e instanceof InvalidFormatException || e instanceof MismatchedInputException
                    ? "invalid-format" : "unreadable";
            return problems.of(400, "validation-failed", List.of(messages.fieldError(field, code)));
        }
        return problems.of(400, "malformed-json", List.of());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return problems.of(401, "unauthenticated", List.of());
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return problems.of(401, "unauthenticated", List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problems.of(403, "forbidden", List.of());
    }

    /** A date (or other) query, path or header parameter that cannot be read: a field error named by the parameter. */
    @ServerExceptionMapper
    public Response invalidParameter(DateRangeParams.InvalidParameter e) {
        return problems.of(400, "validation-failed", List.of(e.fieldCode().equals(DateRange.CODE)
                ? messages.fieldError(e.parameter(), DateRange.CODE, DateRange.MIN, DateRange.MAX)
                : messages.fieldError(e.parameter(), e.fieldCode())));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            // the JSON reader wraps what Jackson refused (a duplicate key, a NUL, trailing tokens)
            return unreadable(json);
        }
        if (e instanceof NotFoundException && e.getCause() != null) {
            // a path or query parameter that does not convert (page=2147483648, a date that is not one): the
            // resource exists, the request is wrong
            return problems.of(400, "invalid-parameter", List.of());
        }
        String code = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
        return problems.of(status, code, List.of());
    }

    /**
     * A violated database constraint (e.g. two concurrent registrations of one national ID) is a conflict, not a
     * server error: 409 with a stable code. Neither the response nor the log carries the database's message, which
     * names the offending values; the log has the constraint's name and SQL state only.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        ProblemException wrapped = Failures.problem(e).orElse(null);
        if (wrapped != null) {
            // e.g. raised in an entity callback and wrapped by the transaction's commit
            return problems.of(wrapped);
        }
        Optional<TransientFailure> transientFailure = outage.report(e);
        if (transientFailure.isPresent()) {
            return unavailable(transientFailure.get());
        }
        var violation = Failures.constraintViolation(e);
        if (violation.isPresent()) {
            LOG.warnf("Constraint %s violated (SQLState %s)", violation.get().constraint(), violation.get().sqlState());
            return problems.of(409, violation.get().isDuplicate() ? "duplicate-record" : "constraint-violated",
                    List.of());
        }
        var badValue = Failures.dataException(e);
        if (badValue.isPresent()) {
            // the database refused a value (too long for its column, a NUL character, out of range): the request's
            // fault, reported without the database's message, which quotes the value
            LOG.warnf("Value refused by the database (SQLState %s)", badValue.get());
            return problems.of(400, "invalid-value", List.of());
        }
        LOG.error("Unexpected error", Failures.redacted(e));
        return problems.of(500, "internal-error", List.of());
    }

    private static boolean isSyntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonParseException
                    && !(t instanceof com.fasterxml.jackson.core.exc.InputCoercionException)
                    || t instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A failure of infrastructure is no server error: 503 with {@code Retry-After}. A database outage is logged once
     * by {@link DatabaseOutage} (not per request, no stack trace); contention and other parts briefly, per request.
     */
    private Response unavailable(TransientFailure failure) {
        int seconds = (int) Math.max(1, retryAfter.toSeconds());
        return switch (failure.kind()) {
            case DATABASE_UNAVAILABLE -> problems.unavailable("database-unavailable", seconds);
            case CONTENTION -> {
                LOG.infof("Request met contention, answered 503: %s", failure.description());
                yield problems.unavailable("busy-retry", 1);
            }
            case BROKER_UNAVAILABLE, NETWORK -> {
                LOG.warnf("Request failed by an unavailable part, answered 503: %s", failure.description());
                yield problems.unavailable("dependency-unavailable", seconds);
            }
        };
    }

    /**
     * The JSON path of a violation: {@code create.body.sessions[0].date} becomes {@code sessions[0].date}; a
     * violated query or path parameter is named by itself.
     */
    private static String fieldPath(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY -> {
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    } else if (node.getKey() != null) {
                        field.append('[').append(node.getKey()).append(']');
                    }
                    if (field.length() > 0) {
                        field.append('.');
                    }
                    field.append(node.getName());
                }
                default -> {
                    // method and bean nodes carry no field name
                }
            }
        }
        return field.length() > 0 ? field.toString() : parameter;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
