package vn.gov.training.enrolment.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.enrolment.domain.Attendance;
import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.EnrolmentStatus;
import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.text.VietnameseText;

/** A class seen from enrolments: its learners with their attendance, and the learners who can receive a result. */
@ApplicationScoped
public class ClassEnrolments {

    private final AccessPolicy access;

    ClassEnrolments(AccessPolicy access) {
        this.access = access;
    }

    /** One learner of a class: the enrolment, the person's name (null when unknown) and the attendance. */
    public record Learner(Enrolment enrolment, String fullName, List<AttendanceService.Entry> attendance) {
    }

    /** The class's learners (approved and later), sorted by Vietnamese name; for those who record its results. */
    @Transactional
    public List<Learner> learners(UUID classId) {
        ClassCopy cls = requireClass(classId);
        access.requireRecordResults(cls);
        List<Enrolment> list = Enrolment.list("classId = ?1 and status not in ?2", classId,
                List.of(EnrolmentStatus.REJECTED, EnrolmentStatus.REQUESTED));
        List<Learner> learners = new ArrayList<>();
        for (Enrolment e : list) {
            PersonCopy p = PersonCopy.findById(e.personnelId);
            List<AttendanceService.Entry> sessions = Attendance.<Attendance>list("enrolmentId", e.id).stream()
                    .map(a -> new AttendanceService.Entry(a.enrolmentId, a.sessionId, a.status)).toList();
            learners.add(new Learner(e, p == null ? null : p.fullName, sessions));
        }
        learners.sort(Comparator.comparing(l -> l.fullName() == null ? "" : l.fullName(), VietnameseText.nameOrder()));
        return learners;
    }

    /** The learners to fill in the results form: the class's code and its approved or in-training learners by name. */
    public record ResultForm(String classCode, List<ResultWorkbook.Learner> learners) {
    }

    @Transactional
    public ResultForm resultForm(UUID classId) {
        ClassCopy cls = requireClass(classId);
        access.requireRecordResults(cls);
        List<ResultWorkbook.Learner> learners = new ArrayList<>();
        for (Enrolment e : Enrolment.<Enrolment>list("classId = ?1 and status in ?2", classId,
                List.of(EnrolmentStatus.APPROVED, EnrolmentStatus.IN_PROGRESS))) {
            PersonCopy p = PersonCopy.findById(e.personnelId);
            learners.add(new ResultWorkbook.Learner(e.id, p == null ? null : p.fullName));
        }
        learners.sort(Comparator.comparing(l -> l.fullName() == null ? "" : l.fullName(),
                VietnameseText.nameOrder()));
        return new ResultForm(cls.code, learners);
    }

    /** The class (404 {@code class-unknown}) when the caller may record its results (403 otherwise). */
    public ClassCopy requireRecordResults(UUID classId) {
        ClassCopy cls = requireClass(classId);
        access.requireRecordResults(cls);
        return cls;
    }

    /** 404 {@code enrolment-not-found} unless the enrolment is one of the class's; after the rights were checked. */
    public void requireOfClass(UUID enrolmentId, UUID classId) {
        Enrolment e = Enrolment.findById(enrolmentId);
        if (e == null || !e.classId.equals(classId)) {
            throw ProblemException.notFound("enrolment-not-found", enrolmentId);
        }
    }

    static ClassCopy requireClass(UUID classId) {
        ClassCopy cls = ClassCopy.findById(classId);
        if (cls == null) {
            throw ProblemException.notFound("class-unknown", classId);
        }
        return cls;
    }
}
