package vn.gov.training.platform.problem;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document, with a stable {@code code}, and {@code errors} for field-level validation. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, String instance,
                      List<FieldError> errors, @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Extensions under a standard member's name are renamed ({@link ProblemException#extensionName}). */
    public Problem {
        if (extensions != null && !extensions.isEmpty()) {
            Map<String, Object> safe = new java.util.LinkedHashMap<>();
            extensions.forEach((name, value) -> safe.put(ProblemException.extensionName(name), value));
            extensions = java.util.Collections.unmodifiableMap(safe);
        }
    }

    public static String typeOf(String code) {
        return "https://training.gov.vn/problems/" + code;
    }

    /** Extra members such as {@code existingId} or {@code allowed}, written at the top level. */
    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }
}
