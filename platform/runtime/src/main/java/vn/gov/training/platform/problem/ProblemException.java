package vn.gov.training.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A failure to report to the caller as problem+json. The title and detail come from the message bundles by
 * {@code code} ({@code problem.<code>.title}, {@code problem.<code>.detail} with {@code args}), in the caller's
 * language.
 */
public class ProblemException extends RuntimeException {

    /** The members every problem document has; an extension never takes one of these names. */
    public static final Set<String> RESERVED =
            Set.of("type", "title", "status", "detail", "code", "instance", "errors");

    private final int status;
    private final String code;
    private final Object[] args;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private Integer retryAfterSeconds;

    public ProblemException(int status, String code, Object... args) {
        this(status, code, List.of(), args);
    }

    private ProblemException(int status, String code, List<FieldError> errors, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
        this.errors = errors;
    }

    public static ProblemException notFound(String code, Object... args) {
        return new ProblemException(404, code, args);
    }

    public static ProblemException conflict(String code, Object... args) {
        return new ProblemException(409, code, args);
    }

    public static ProblemException forbidden(String code, Object... args) {
        return new ProblemException(403, code, args);
    }

    /** 400 with field errors; each error's message is already in the caller's language (see {@link Messages}). */
    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "validation-failed", List.copyOf(errors));
    }

    public static ProblemException invalid(String code, Object... args) {
        return new ProblemException(400, code, args);
    }

    /**
     * 503 with {@code Retry-After}: the request is fine but cannot be served now; {@code retryAfterSeconds} is also
     * the message's first argument.
     */
    public static ProblemException unavailable(String code, int retryAfterSeconds) {
        ProblemException e = new ProblemException(503, code, retryAfterSeconds);
        e.retryAfterSeconds = retryAfterSeconds;
        return e;
    }

    /**
     * Adds a top-level member to the problem document, e.g. the id of the record a duplicate clashes with. A name
     * that is a standard member of the document ({@link #RESERVED}: a record's {@code status}, {@code code},
     * {@code title}, ...) is written as {@code current<Name>} ({@code status} becomes {@code currentStatus}), so an
     * extension can never overwrite or duplicate a standard member, and building a problem never fails: this runs
     * while an error is being reported.
     */
    public ProblemException with(String name, Object value) {
        extensions.put(extensionName(name), value);
        return this;
    }

    /** The name under which an extension member is written: {@code name} itself unless it is reserved. */
    public static String extensionName(String name) {
        if (name == null || name.isEmpty()) {
            return "extension";
        }
        return RESERVED.contains(name) ? "current" + Character.toUpperCase(name.charAt(0)) + name.substring(1) : name;
    }

    public int status() {
        return status;
    }

    /** Seconds the caller should wait before sending again, or null when the problem does not say. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
