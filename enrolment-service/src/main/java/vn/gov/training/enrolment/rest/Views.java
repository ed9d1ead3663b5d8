package vn.gov.training.enrolment.rest;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.platform.problem.Messages;

/** Builds views with the names from the local copies. */
@ApplicationScoped
public class Views {

    private final Messages messages;

    Views(Messages messages) {
        this.messages = messages;
    }

    public EnrolmentView of(Enrolment e) {
        PersonCopy person = PersonCopy.findById(e.personnelId);
        ClassCopy cls = ClassCopy.findById(e.classId);
        return EnrolmentView.of(e, person == null ? null : person.fullName, cls == null ? null : cls.code,
                cls == null || cls.program == null ? null : cls.program.name(), messages);
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
