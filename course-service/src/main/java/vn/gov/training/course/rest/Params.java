package vn.gov.training.course.rest;

import java.util.List;

import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.problem.ProblemException;

/** Query parameters that name enum values: an unknown value is a field error, not an empty list. */
final class Params {

    static final String PAGE_SIZE_MAX = "200";

    private Params() {
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, Messages messages) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(List.of(messages.fieldError(field, "unknown-value", value)));
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
