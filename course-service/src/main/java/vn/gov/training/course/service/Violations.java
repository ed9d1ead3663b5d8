package vn.gov.training.course.service;

import java.util.ArrayList;
import java.util.List;

import vn.gov.training.platform.problem.FieldError;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.problem.ProblemException;

/** Collects every field error of a request before anything is saved, then fails with all of them at once. */
final class Violations {

    private final Messages messages;
    private final List<FieldError> errors = new ArrayList<>();

    Violations(Messages messages) {
        this.messages = messages;
    }

    Violations add(String field, String code, Object... args) {
        errors.add(messages.fieldError(field, code, args));
        return this;
    }

    Violations check(boolean ok, String field, String code, Object... args) {
        if (!ok) {
            add(field, code, args);
        }
        return this;
    }

    boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
