package vn.gov.training.enrolment.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import vn.gov.training.enrolment.domain.Attendance;
import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.ClassUnitQuota;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.EnrolmentStatus;
import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.enrolment.service.AccessPolicy;
import vn.gov.training.enrolment.service.AttendanceService;
import vn.gov.training.enrolment.service.EnrolmentService;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.text.VietnameseText;

/**
 * A class seen from enrolments: its attendance sheet, its results sheet, its per-unit quotas. (Under its own path:
 * {@code /api/classes} belongs to course-service.)
 */
@Path("/api/class-enrolments/{classId}")
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF})
public class ClassEnrolmentResource {

    private final EnrolmentService enrolments;
    private final AttendanceService attendance;
    private final AccessPolicy access;
    private final Views views;
    private final AuditTrail audit;

    ClassEnrolmentResource(EnrolmentService enrolments, AttendanceService attendance, AccessPolicy access, Views views,
                           AuditTrail audit) {
        this.enrolments = enrolments;
        this.attendance = attendance;
        this.access = access;
        this.views = views;
        this.audit = audit;
    }

    public record Learner(UUID enrolmentId, UUID personnelId, String fullName, String status, Long waitlistPosition,
                          String fitAssessment, String grade, String credentialNumber, Integer periodsAttended,
                          List<AttendanceService.Entry> attendance) {
    }

    /** The class's learners (approved and later), sorted by Vietnamese name, with attendance and results. */
    @GET
    @Transactional
    public List<Learner> learners(@PathParam("classId") UUID classId) {
        ClassCopy cls = requireClass(classId);
        access.requireRecordResults(cls);
        List<Enrolment> list = Enrolment.list("classId = ?1 and status not in ?2", classId,
                List.of(EnrolmentStatus.REJECTED, EnrolmentStatus.REQUESTED));
        List<Learner> learners = new ArrayList<>();
        for (Enrolment e : list) {
            PersonCopy p = PersonCopy.findById(e.personnelId);
            List<AttendanceService.Entry> sessions = Attendance.<Attendance>list("enrolmentId", e.id).stream()
                    .map(a -> new AttendanceService.Entry(a.enrolmentId, a.sessionId, a.status)).toList();
            learners.add(new Learner(e.id, e.personnelId, p == null ? null : p.fullName, e.status.name(),
                    e.waitlistPosition, e.fitAssessment.name(), e.grade == null ? null : e.grade.name(),
                    e.credentialNumber, e.periodsAttended, sessions));
        }
        learners.sort(Comparator.comparing(l -> l.fullName() == null ? "" : l.fullName(), VietnameseText.nameOrder()));
        return learners;
    }

    /** The attendance of one session for the whole class. */
    @PUT
    @Path("/attendance")
    public List<AttendanceService.Entry> attendanceSheet(@PathParam("classId") UUID classId,
                                                         @Valid @NotNull EnrolmentRequests.AttendanceSheet sheet) {
        requireClass(classId);
        List<AttendanceService.Entry> saved = new ArrayList<>();
        for (EnrolmentRequests.AttendanceEntry entry : sheet.entries()) {
            requireOfClass(entry.enrolmentId(), classId);
            saved.add(attendance.record(entry.enrolmentId(), sheet.sessionId(), entry.status()));
        }
        return saved;
    }

    public record RowResult(int row, UUID enrolmentId, int status, String outcome, String code, String title) {
    }

    /** The results sheet: one outcome per learner, each saved on its own, with a result per row. */
    @POST
    @Path("/results")
    public List<RowResult> results(@PathParam("classId") UUID classId,
                                   @Valid @NotNull EnrolmentRequests.ResultSheet sheet) {
        requireClass(classId);
        List<RowResult> results = new ArrayList<>();
        for (int i = 0; i < sheet.rows().size(); i++) {
            EnrolmentRequests.ResultRow row = sheet.rows().get(i);
            try {
                requireOfClass(row.enrolmentId(), classId);
                Enrolment e = switch (row.outcome()) {
                    case "COMPLETED" -> {
                        if (row.grade() == null) {
                            throw ProblemException.invalid("result-grade-required");
                        }
                        yield enrolments.complete(row.enrolmentId(), new EnrolmentService.Completion(row.grade(),
                                row.credentialNumber(), row.credentialIssuedOn(), row.periodsAttended(), row.date()));
                    }
                    case "FAILED" -> enrolments.fail(row.enrolmentId(), row.reason(), row.date());
                    default -> enrolments.withdraw(row.enrolmentId(), row.reason(), row.date());
                };
                results.add(new RowResult(i, e.id, 200, e.status.name(), null, null));
            } catch (ProblemException refused) {
                results.add(new RowResult(i, row.enrolmentId(), refused.status(), null, refused.code(),
                        views.messages().find("problem." + refused.code() + ".title", refused.args())));
            }
        }
        return results;
    }

    @GET
    @Path("/quotas")
    public List<ClassUnitQuota> quotas(@PathParam("classId") UUID classId) {
        requireClass(classId);
        return ClassUnitQuota.list("classId", classId);
    }

    /** At most {@code seats} approved learners nominated by {@code unitCode} in this class. */
    @PUT
    @Path("/quotas/{unitCode}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    @Transactional
    public ClassUnitQuota setQuota(@PathParam("classId") UUID classId, @PathParam("unitCode") String unitCode,
                                   @Valid @NotNull EnrolmentRequests.Quota request) {
        requireClass(classId);
        ClassUnitQuota quota = ClassUnitQuota.findById(new ClassUnitQuota.Key(classId, unitCode));
        Integer before = quota == null ? null : quota.seats;
        if (quota == null) {
            quota = new ClassUnitQuota();
            quota.classId = classId;
            quota.orgUnitCode = unitCode;
        }
        quota.seats = request.seats();
        quota.persist();
        audit.record("class-unit-quota", classId + "/" + unitCode, "set", before, quota.seats);
        return quota;
    }

    private static ClassCopy requireClass(UUID classId) {
        ClassCopy cls = ClassCopy.findById(classId);
        if (cls == null) {
            throw ProblemException.notFound("class-unknown", classId);
        }
        return cls;
    }

    private static void requireOfClass(UUID enrolmentId, UUID classId) {
        Enrolment e = Enrolment.findById(enrolmentId);
        if (e == null || !e.classId.equals(classId)) {
            throw ProblemException.notFound("enrolment-not-found", enrolmentId);
        }
    }
}
