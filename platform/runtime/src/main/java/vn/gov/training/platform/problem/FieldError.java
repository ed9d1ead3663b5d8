package vn.gov.training.platform.problem;

/** One invalid field: its JSON path, a stable code and a message in the caller's language. */
public record FieldError(String field, String code, String message) {
}
