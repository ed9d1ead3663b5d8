package vn.gov.training.enrolment.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.enrolment.domain.Attendance;
import vn.gov.training.enrolment.domain.AttendanceStatus;
import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.EnrolmentStatus;
import vn.gov.training.platform.problem.ProblemException;

/** Attendance per session, entered by the class's institution one by one or as a sheet. */
@ApplicationScoped
public class AttendanceService {

    private final AccessPolicy access;
    private final EnrolmentEvents events;

    AttendanceService(AccessPolicy access, EnrolmentEvents events) {
        this.access = access;
        this.events = events;
    }

    public record Entry(UUID enrolmentId, String sessionId, AttendanceStatus status) {
    }

    @Transactional
    public Entry record(UUID enrolmentId, String sessionId, AttendanceStatus status) {
        Enrolment e = Enrolment.findById(enrolmentId);
        if (e == null) {
            throw ProblemException.notFound("enrolment-not-found", enrolmentId);
        }
        ClassCopy cls = ClassCopy.findById(e.classId);
        access.requireRecordResults(cls);
        if (!e.status.inTraining() && e.status != EnrolmentStatus.COMPLETED && e.status != EnrolmentStatus.FAILED) {
            throw ProblemException.conflict("enrolment-wrong-status", e.status, "APPROVED, IN_PROGRESS")
                    .with("currentStatus", e.status);
        }
        if (!cls.sessions.isEmpty() && cls.sessions.stream().noneMatch(s -> sessionId.equals(s.sessionId()))) {
            throw ProblemException.notFound("session-not-found", sessionId, cls.code);
        }
        Attendance row = Attendance.findById(new Attendance.Key(enrolmentId, sessionId));
        Entry before = row == null ? null : new Entry(enrolmentId, sessionId, row.status);
        if (row == null) {
            row = new Attendance();
            row.enrolmentId = enrolmentId;
            row.sessionId = sessionId;
        }
        row.status = status;
        row.persist();
        Entry after = new Entry(enrolmentId, sessionId, status);
        events.auditDetail(enrolmentId, "attendance-recorded", before, after);
        return after;
    }
}
