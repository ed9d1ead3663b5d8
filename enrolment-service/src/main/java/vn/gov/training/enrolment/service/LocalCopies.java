package vn.gov.training.enrolment.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.enrolment.domain.ProgramCopy;
import vn.gov.training.platform.problem.ProblemException;

/** Reading the event-fed local copies (for operators) and a person's training history built on them. */
@ApplicationScoped
public class LocalCopies {

    private final AccessPolicy access;

    LocalCopies(AccessPolicy access) {
        this.access = access;
    }

    public PersonCopy person(UUID personnelId) {
        PersonCopy p = PersonCopy.findById(personnelId);
        if (p == null) {
            throw ProblemException.notFound("person-unknown", personnelId);
        }
        return p;
    }

    public ClassCopy cls(UUID classId) {
        ClassCopy c = ClassCopy.findById(classId);
        if (c == null) {
            throw ProblemException.notFound("class-unknown", classId);
        }
        return c;
    }

    public ProgramCopy program(UUID programId) {
        ProgramCopy p = ProgramCopy.findById(programId);
        if (p == null) {
            throw ProblemException.notFound("program-unknown", programId);
        }
        return p;
    }

    /** One class of a person's history: the enrolment and its class copy (null when missing). */
    public record Course(Enrolment enrolment, ClassCopy cls) {
    }

    /** A person's history: the name (null when the copy is missing) and the classes, newest first. */
    public record History(String fullName, List<Course> courses) {
    }

    /** 404 {@code person-unknown} unless the caller may see the person. */
    public History history(UUID personnelId) {
        PersonCopy person = PersonCopy.findById(personnelId);
        if (!access.canSeePerson(personnelId, person)) {
            throw ProblemException.notFound("person-unknown", personnelId);
        }
        List<Course> courses = Enrolment.ofPerson(personnelId).stream()
                .map(e -> new Course(e, ClassCopy.findById(e.classId))).toList();
        return new History(person == null ? null : person.fullName, courses);
    }
}
