package vn.gov.training.enrolment.rest;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.service.EnrolmentQueries;
import vn.gov.training.platform.problem.Messages;

/** Builds views with the names from the local copies. */
@ApplicationScoped
public class Views {

    private final Messages messages;
    private final EnrolmentQueries queries;

    Views(Messages messages, EnrolmentQueries queries) {
        this.messages = messages;
        this.queries = queries;
    }

    public EnrolmentView of(Enrolment e) {
        return EnrolmentView.of(e, queries.details(e), messages);
    }

    public Messages messages() {
        return messages;
    }

    public String text(String key, Object... args) {
        return messages.get(key, args);
    }

    public static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
