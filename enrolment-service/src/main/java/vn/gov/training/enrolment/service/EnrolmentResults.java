package vn.gov.training.enrolment.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.EnrolmentStatus;
import vn.gov.training.enrolment.domain.ExamKind;
import vn.gov.training.enrolment.domain.ExamResult;
import vn.gov.training.enrolment.domain.Grade;
import vn.gov.training.enrolment.event.EnrolmentEventData;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * What happens to an enrolment once its training runs: exams, completion, failure, the class's results sheet and the
 * return from training overseas. Each write locks the class copy's row first ({@link EnrolmentService#lockClassOf}),
 * the one lock that orders every seat-changing write of a class: a failed entry exam frees a seat.
 */
@ApplicationScoped
public class EnrolmentResults {

    private final EnrolmentService enrolments;
    private final EnrolmentEvents events;
    private final AccessPolicy access;
    private final CommitmentService commitments;
    private final PlausibleRecords plausible;

    EnrolmentResults(EnrolmentService enrolments, EnrolmentEvents events, AccessPolicy access,
                     CommitmentService commitments, PlausibleRecords plausible) {
        this.enrolments = enrolments;
        this.events = events;
        this.access = access;
        this.commitments = commitments;
        this.plausible = plausible;
    }

    @Transactional
    public Enrolment recordExam(UUID id, ExamKind kind, BigDecimal score, boolean passed, LocalDate takenOn) {
        ClassCopy cls = enrolments.lockClassOf(id);
        Enrolment e = Enrolment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        access.requireRecordResults(cls);
        e.requireInTraining();
        // an entry exam may be sat before the first day; an exit exam not
        PlausibleRecords.Check dates = plausible.of(cls).classStarted("takenOn");
        (kind == ExamKind.EXIT ? dates.duringOrAfterClass("takenOn", takenOn) : dates.notFuture("takenOn", takenOn))
                .check();
        List<ExamResult> previous = ExamResult.list("enrolmentId = ?1 and kind = ?2", id, kind);
        if (previous.stream().anyMatch(x -> x.passed)) {
            throw ProblemException.conflict("exam-already-passed", kind);
        }
        EnrolmentEventData before = events.snapshot(e);
        ExamResult exam = new ExamResult();
        exam.enrolmentId = id;
        exam.kind = kind;
        exam.attempt = previous.size() + 1;
        exam.score = score;
        exam.passed = passed;
        exam.takenOn = takenOn == null ? ProvinceTime.today() : takenOn;
        exam.persist();
        e.examRecorded(now());
        events.changed("exam-recorded", before, e, exam.takenOn);
        boolean out = !passed && (kind == ExamKind.ENTRY || exam.attempt > cls.maxExitExamRetakes());
        if (out) {
            failLocked(e, cls, kind == ExamKind.ENTRY ? EnrolmentStatus.ENTRY_EXAM_FAILED : "exit-exam-failed",
                    exam.takenOn);
        }
        return e;
    }

    public record Completion(Grade grade, String credentialNumber, LocalDate credentialIssuedOn,
                             Integer periodsAttended, LocalDate completedOn) {
    }

    @Transactional
    public Enrolment complete(UUID id, Completion c) {
        ClassCopy cls = enrolments.lockClassOf(id);
        Enrolment e = Enrolment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        access.requireRecordResults(cls);
        e.requireInTraining();
        plausible.of(cls).classStarted("completedOn").duringOrAfterClass("completedOn", c.completedOn())
                .duringOrAfterClass("credentialIssuedOn", c.credentialIssuedOn()).check();
        if (c.credentialNumber() != null && Enrolment.find("credentialNumber = ?1 and id <> ?2",
                c.credentialNumber(), id).firstResult() != null) {
            throw ProblemException.conflict("credential-number-taken", c.credentialNumber());
        }
        boolean exitFailedSoFar = ExamResult.find("enrolmentId = ?1 and kind = ?2", id, ExamKind.EXIT)
                .firstResult() != null && ExamResult.find("enrolmentId = ?1 and kind = ?2 and passed = true", id,
                ExamKind.EXIT).firstResult() == null;
        if (exitFailedSoFar) {
            throw ProblemException.conflict("exit-exam-not-passed");
        }
        EnrolmentEventData before = events.snapshot(e);
        e.complete(c.grade(), c.credentialNumber(), c.credentialIssuedOn(), c.periodsAttended(), c.completedOn(),
                cls.program.periods(), cls.endDate, ProvinceTime.today(), now());
        events.changed("completed", before, e, e.completedOn);
        commitments.startIfCovered(e, cls);
        return e;
    }

    @Transactional
    public Enrolment fail(UUID id, String reason, LocalDate on) {
        ClassCopy cls = enrolments.lockClassOf(id);
        Enrolment e = Enrolment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        access.requireRecordResults(cls);
        e.requireInTraining();
        plausible.of(cls).classStarted("date").duringOrAfterClass("date", on).check();
        return failLocked(e, cls, reason, on == null ? ProvinceTime.today() : on);
    }

    /**
     * FAILED. A failed entry exam means the person never started the training: the seat goes to the first
     * waitlisted and nothing is repaid. Any other failure keeps the seat and, for covered training, opens a
     * repayment case in full.
     */
    private Enrolment failLocked(Enrolment e, ClassCopy cls, String reason, LocalDate on) {
        EnrolmentEventData before = events.snapshot(e);
        e.fail(reason, on, now());
        events.changed("failed", before, e, on);
        if (e.failedEntryExam()) {
            if (!"COMPLETED".equals(cls.status) && !"CANCELLED".equals(cls.status)) {
                enrolments.promote(cls, null);
            }
        } else {
            commitments.trainingAbandoned(e, cls, "FAILED", null);
        }
        return e;
    }

    /** One row of a class's results: COMPLETED with a grade, FAILED or WITHDRAWN (with a reason). */
    public record Result(UUID enrolmentId, String outcome, Grade grade, String credentialNumber,
                         LocalDate credentialIssuedOn, Integer periodsAttended, LocalDate date, String reason) {
    }

    /** What recording a result did: {@code changed} false when the same result was already recorded. */
    public record Recorded(Enrolment enrolment, boolean changed) {
    }

    /**
     * Records one result of the class {@code classId}: the single code path of the JSON results sheet and the Excel
     * upload. A result already recorded identically (a sheet uploaded twice) changes nothing.
     */
    @Transactional
    public Recorded recordResult(UUID classId, Result r) {
        ClassCopy cls = enrolments.lockClassOf(r.enrolmentId());
        if (!cls.classId.equals(classId)) {
            throw ProblemException.notFound("enrolment-not-found", r.enrolmentId());
        }
        access.requireRecordResults(cls);
        Enrolment current = Enrolment.findById(r.enrolmentId(), LockModeType.PESSIMISTIC_WRITE);
        if (alreadyRecorded(current, r)) {
            return new Recorded(current, false);
        }
        Enrolment e = switch (r.outcome()) {
            case "COMPLETED" -> {
                if (r.grade() == null) {
                    throw ProblemException.invalid("result-grade-required");
                }
                yield complete(r.enrolmentId(), new Completion(r.grade(), r.credentialNumber(),
                        r.credentialIssuedOn(), r.periodsAttended(), r.date()));
            }
            case "FAILED" -> fail(r.enrolmentId(), r.reason(), r.date());
            case "WITHDRAWN" -> enrolments.withdraw(r.enrolmentId(), r.reason(), r.date());
            default -> throw ProblemException.invalid("result-outcome-unknown", r.outcome());
        };
        return new Recorded(e, true);
    }

    private static boolean alreadyRecorded(Enrolment e, Result r) {
        return switch (r.outcome()) {
            case "COMPLETED" -> e.status == EnrolmentStatus.COMPLETED && e.grade == r.grade()
                    && same(e.credentialNumber, r.credentialNumber())
                    && Objects.equals(e.credentialIssuedOn, r.credentialIssuedOn())
                    && (r.periodsAttended() == null || r.periodsAttended().equals(e.periodsAttended))
                    && (r.date() == null || r.date().equals(e.completedOn));
            case "FAILED" -> e.status == EnrolmentStatus.FAILED && same(e.reason, r.reason())
                    && (r.date() == null || r.date().equals(e.completedOn));
            case "WITHDRAWN" -> e.status == EnrolmentStatus.WITHDRAWN && same(e.reason, r.reason())
                    && (r.date() == null || r.date().equals(e.withdrawnOn));
            default -> false;
        };
    }

    private static boolean same(String stored, String given) {
        return Objects.equals(blankToNull(stored), blankToNull(given));
    }

    /** Overseas training: the day the trainee came back, from which the return report is due within 15 days. */
    @Transactional
    public Enrolment recordReturn(UUID id, LocalDate returnedOn, LocalDate reportSubmittedOn) {
        ClassCopy cls = enrolments.lockClassOf(id);
        Enrolment e = Enrolment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        access.requireWithdraw(e, cls);
        LocalDate returned = returnedOn != null ? returnedOn : e.returnedOn;
        plausible.of(cls).duringOrAfterClass("returnedOn", returnedOn).notFuture("reportSubmittedOn", reportSubmittedOn)
                .requiredWith("returnedOn", returned, reportSubmittedOn)
                .notBefore("reportSubmittedOn", reportSubmittedOn, returned, "report-before-return").check();
        EnrolmentEventData before = events.snapshot(e);
        e.recordReturn(returnedOn, reportSubmittedOn, now());
        // not an event of the contract: audited only
        events.auditOnly("return-recorded", before, e);
        return e;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
