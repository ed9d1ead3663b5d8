package vn.gov.training.enrolment.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.EnrolmentStatus;
import vn.gov.training.enrolment.domain.FitAssessment;
import vn.gov.training.enrolment.service.AttendanceService;
import vn.gov.training.enrolment.service.EnrolmentQueries;
import vn.gov.training.enrolment.service.EnrolmentResults;
import vn.gov.training.enrolment.service.EnrolmentService;
import vn.gov.training.enrolment.service.Paged;
import vn.gov.training.platform.audit.AuditRecord;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.platform.web.IdempotentWrites;
import vn.gov.training.platform.web.PageResponse;
import vn.gov.training.platform.problem.Failures;

/** Nominations and everything that happens to an enrolment afterwards. */
@Tag(name = "Cử đi học", description = "Cử đi học, phê duyệt, danh sách chờ, sát hạch, kết quả. / Nominations, approvals, exams, results.")
@Path("/api/enrolments")
@Authenticated
public class EnrolmentResource {

    private static final Logger LOG = Logger.getLogger(EnrolmentResource.class);
    private static final String[] NOMINATORS = {Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER};
    private static final String[] APPROVERS = {Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF};

    private final EnrolmentService enrolments;
    private final EnrolmentResults enrolmentResults;
    private final EnrolmentQueries queries;
    private final AttendanceService attendance;
    private final IdempotentWrites idempotent;
    private final Views views;
    private final AuditTrail audit;

    EnrolmentResource(EnrolmentService enrolments, EnrolmentResults results, EnrolmentQueries queries,
                      AttendanceService attendance, IdempotentWrites idempotent, Views views, AuditTrail audit) {
        this.enrolments = enrolments;
        this.enrolmentResults = results;
        this.queries = queries;
        this.attendance = attendance;
        this.idempotent = idempotent;
        this.views = views;
        this.audit = audit;
    }

    /** Enrolments the caller may see, filtered; newest first. */
    @Operation(summary = "Tìm lượt cử đi học",
            description = "Các lượt cử đi học (phân trang), lọc theo lớp, người, đơn vị, trạng thái.\n\n*English:* Search enrolments (paged).")
    @GET
    public PageResponse<EnrolmentView> list(@QueryParam("classId") UUID classId,
                                            @QueryParam("personnelId") UUID personnelId,
                                            @QueryParam("status") EnrolmentStatus status,
                                            @QueryParam("fit") FitAssessment fit,
                                            @QueryParam("unit") String unit,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(value = 500,
                                                    message = "{field.page-size}") int size) {
        Paged<Enrolment> found = queries.search(classId, personnelId, status, fit, unit, page, size);
        return new PageResponse<>(found.map(views::of), page, size, found.total());
    }

    @Operation(summary = "Xem một lượt cử đi học",
            description = "Một lượt cử đi học với đánh giá phù hợp, kết quả thi, xếp loại, văn bằng.\n\n*English:* One enrolment with fit, exams, grade and credential.")
    @GET
    @Path("/{id}")
    public EnrolmentView get(@PathParam("id") UUID id) {
        return views.of(queries.visible(id));
    }

    /** The audit trail of one enrolment: who changed what, when, before and after. */
    @Operation(summary = "Lịch sử thay đổi lượt cử đi học",
            description = "Nhật ký kiểm toán của lượt cử đi học: ai, khi nào, trước và sau.\n\n*English:* Audit history of an enrolment.")
    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER, Roles.INSTITUTION_STAFF})
    public List<AuditRecord> history(@PathParam("id") UUID id) {
        queries.visible(id);
        return audit.history("enrolment", id);
    }

    @APIResponse(responseCode = "201", description = "Đã cử; địa chỉ trong `Location`.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrolmentView.class))})
    @Operation(summary = "Cử cán bộ đi học",
            description = "Tạo quyết định cử một cán bộ vào một lớp sau khi kiểm tra điều kiện (422 với mã quy tắc nếu không đủ); nhận `Idempotency-Key`.\n\n*English:* Nominate a person for a class after the eligibility rules (422 with the rule's code); takes an `Idempotency-Key`.")
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public Response nominate(@Valid @NotNull EnrolmentRequests.Nominate request,
                             @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return idempotent.execute(idempotencyKey, request, () -> {
            Enrolment e = enrolments.nominate(request.toNomination());
            return Response.created(URI.create("/api/enrolments/" + e.id)).entity(views.of(e)).build();
        });
    }

    public record RowResult(int row, int status, UUID enrolmentId, String fit, String code, String title,
                            String detail) {
    }

    public record BulkResult(int created, int refused, List<RowResult> results) {
    }

    /**
     * Many nominations at once, each in its own transaction, with a result per row: a row that fails for any reason
     * (a refused rule, or e.g. the same person nominated concurrently) is that row's result, never a failure of the
     * rows saved before it. With an {@code Idempotency-Key}, a retry gets the first call's results.
     */
    @APIResponse(responseCode = "200", description = "Kết quả từng dòng.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkResult.class))})
    @Operation(summary = "Cử nhiều cán bộ đi học",
            description = "Cử nhiều người một lần; trả kết quả từng dòng.\n\n*English:* Nominate many people; answers per row.")
    @POST
    @Path("/bulk")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public Response bulk(@Valid @NotNull EnrolmentRequests.Bulk request,
                         @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return idempotent.execute(idempotencyKey, request, () -> Response.ok(nominateEach(request)).build());
    }

    private BulkResult nominateEach(EnrolmentRequests.Bulk request) {
        List<RowResult> results = new ArrayList<>();
        int created = 0;
        List<EnrolmentService.RowOutcome> outcomes = enrolments.nominateEach(
                request.rows().stream().map(EnrolmentRequests.Nominate::toNomination).toList());
        for (int i = 0; i < outcomes.size(); i++) {
            Enrolment e = outcomes.get(i).created();
            if (e != null) {
                results.add(new RowResult(i, 201, e.id, e.fitAssessment.name(), null, null, null));
                created++;
            } else {
                results.add(rowFailure(i, outcomes.get(i).failure()));
            }
        }
        return new BulkResult(created, request.rows().size() - created, results);
    }

    private RowResult rowFailure(int row, RuntimeException failure) {
        ProblemException refused = null;
        boolean duplicate = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p && refused == null) {
                refused = p;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException
                    || t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                duplicate = true;
            }
        }
        if (refused == null && duplicate) {
            // a unique index caught what the rules could not see yet (a concurrent nomination of the same person)
            LOG.infof("Bulk nomination row %d refused by a unique index (concurrent nomination)", row);
            refused = ProblemException.conflict("nomination-conflict");
        } else if (refused == null) {
            LOG.errorf(Failures.redacted(failure), "Bulk nomination row %d failed", row);
            refused = new ProblemException(500, "internal-error");
        }
        return new RowResult(row, refused.status(), null, null, refused.code(),
                views.messages().find("problem." + refused.code() + ".title", refused.args()),
                views.messages().find("problem." + refused.code() + ".detail", refused.args()));
    }

    public record AssessView(boolean eligible, String rule, String title, String detail, EnrolmentView.FitView fit) {
    }

    /** Dry run of a nomination: the first hard rule it would break, and the fit assessment. Nothing is saved. */
    @Operation(summary = "Đánh giá điều kiện trước khi cử",
            description = "Kiểm tra một người có đủ điều kiện và phù hợp với lớp không, không ghi gì.\n\n*English:* Check eligibility and fit without writing anything.")
    @POST
    @Path("/assess")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public AssessView assess(@Valid @NotNull EnrolmentRequests.Assess request) {
        return assessView(enrolments.assess(request.personnelId(), request.classId(),
                Boolean.TRUE.equals(request.historical())));
    }

    /**
     * One person's row of a dry run for many: {@code status} 200 with the assessment, or the status, rule and
     * message of why this person could not be assessed (unknown, outside the caller's scope).
     */
    public record AssessRowView(int row, UUID personnelId, int status, boolean eligible, String rule, String title,
                                String detail, EnrolmentView.FitView fit) {
    }

    public record BulkAssessView(List<AssessRowView> results) {
    }

    /** The dry run for many people and one class at once (how a unit officer weighs candidates). */
    @APIResponse(responseCode = "200", description = "Kết quả từng người, theo thứ tự gửi lên.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkAssessView.class))})
    @Operation(summary = "Đánh giá điều kiện của nhiều người cho một lớp",
            description = "Như `/assess` cho tối đa 500 người một lần, không ghi gì; người không tìm thấy hoặc ngoài phạm vi là kết quả của dòng đó.\n\n*English:* `/assess` for up to 500 people and one class; nothing is saved; an unknown or out-of-scope person is that row's result.")
    @POST
    @Path("/assess/bulk")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public BulkAssessView assessEach(@Valid @NotNull EnrolmentRequests.AssessMany request) {
        List<EnrolmentService.AssessmentOutcome> outcomes = enrolments.assessEach(request.personnelIds(),
                request.classId(), Boolean.TRUE.equals(request.historical()));
        List<AssessRowView> rows = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            EnrolmentService.AssessmentOutcome outcome = outcomes.get(i);
            if (outcome.failure() != null) {
                ProblemException failure = outcome.failure();
                rows.add(new AssessRowView(i, outcome.personnelId(), failure.status(), false, failure.code(),
                        views.messages().find("problem." + failure.code() + ".title", failure.args()),
                        views.messages().find("problem." + failure.code() + ".detail", failure.args()), null));
            } else {
                AssessView view = assessView(outcome.assessment());
                rows.add(new AssessRowView(i, outcome.personnelId(), 200, view.eligible(), view.rule(), view.title(),
                        view.detail(), view.fit()));
            }
        }
        return new BulkAssessView(rows);
    }

    private AssessView assessView(EnrolmentService.Assessment a) {
        EnrolmentView.FitView fit = EnrolmentView.fit(a.fit().assessment().name(), a.fit().reasons(), views.messages());
        if (a.refusal() == null) {
            return new AssessView(true, null, null, null, fit);
        }
        var r = a.refusal();
        return new AssessView(false, r.code(), views.messages().find("problem." + r.code() + ".title", r.args()),
                views.messages().find("problem." + r.code() + ".detail", r.args()), fit);
    }

    @Operation(summary = "Phê duyệt cử đi học",
            description = "Phê duyệt; khi lớp đầy, lượt được đưa vào danh sách chờ.\n\n*English:* Approve a nomination (waitlisted when the class is full).")
    @POST
    @Path("/{id}/approve")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF})
    public EnrolmentView approve(@PathParam("id") UUID id) {
        return views.of(enrolments.approve(id));
    }

    @Operation(summary = "Từ chối cử đi học",
            description = "Từ chối với lý do.\n\n*English:* Reject a nomination with a reason.")
    @POST
    @Path("/{id}/reject")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF})
    public EnrolmentView reject(@PathParam("id") UUID id, @Valid @NotNull EnrolmentRequests.RequiredReason request) {
        return views.of(enrolments.reject(id, request.reason()));
    }

    @Operation(summary = "Thôi học",
            description = "Rút lượt cử đi học với lý do.\n\n*English:* Withdraw an enrolment with a reason.")
    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER, Roles.INSTITUTION_STAFF})
    public EnrolmentView withdraw(@PathParam("id") UUID id, @Valid @NotNull EnrolmentRequests.Withdrawal request) {
        return views.of(enrolments.withdraw(id, request.reason(), request.date()));
    }

    @Operation(summary = "Ghi kết quả sát hạch",
            description = "Ghi điểm sát hạch đầu vào hoặc đầu ra (lần thi, điểm, đạt hay không).\n\n*English:* Record an entry or exit exam.")
    @POST
    @Path("/{id}/exams")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF})
    public EnrolmentView exam(@PathParam("id") UUID id, @Valid @NotNull EnrolmentRequests.Exam request) {
        return views.of(enrolmentResults.recordExam(id, request.kind(), request.score(), request.passed(),
                request.takenOn()));
    }

    @Operation(summary = "Ghi hoàn thành khóa học",
            description = "Ghi hoàn thành với xếp loại và văn bằng; trình độ được cấp chuyển sang hồ sơ cán bộ.\n\n*English:* Complete an enrolment with grade and credential; the granted level reaches the person's record.")
    @POST
    @Path("/{id}/complete")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF})
    public EnrolmentView complete(@PathParam("id") UUID id, @Valid @NotNull EnrolmentRequests.Complete request) {
        return views.of(enrolmentResults.complete(id, new EnrolmentResults.Completion(request.grade(),
                request.credentialNumber(), request.credentialIssuedOn(), request.periodsAttended(),
                request.completedOn())));
    }

    @Operation(summary = "Ghi không hoàn thành",
            description = "Ghi học viên không đạt.\n\n*English:* Record that the learner failed.")
    @POST
    @Path("/{id}/fail")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF})
    public EnrolmentView fail(@PathParam("id") UUID id, @Valid @NotNull EnrolmentRequests.Reason request) {
        return views.of(enrolmentResults.fail(id, request.reason(), request.date()));
    }

    @Operation(summary = "Điểm danh một học viên",
            description = "Ghi có mặt/vắng của một học viên trong một buổi.\n\n*English:* Record one learner's attendance at one session.")
    @PUT
    @Path("/{id}/attendance/{sessionId}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF})
    public AttendanceService.Entry attendance(@PathParam("id") UUID id, @PathParam("sessionId") String sessionId,
                                              @Valid @NotNull EnrolmentRequests.Attendance request) {
        return attendance.record(id, sessionId, request.status());
    }

    /** Overseas training: the return date and the return report (due within 15 days of return). */
    @Operation(summary = "Ghi báo cáo sau khi về nước",
            description = "Ghi ngày người học ở nước ngoài nộp báo cáo (hạn 15 ngày sau khi về).\n\n*English:* Record the report of an overseas trainee after return (due within 15 days).")
    @POST
    @Path("/{id}/return")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public EnrolmentView recordReturn(@PathParam("id") UUID id, @Valid @NotNull EnrolmentRequests.Return request) {
        return views.of(enrolmentResults.recordReturn(id, request.returnedOn(), request.reportSubmittedOn()));
    }

    public static final int RETURN_REPORT_DAYS = 15;

    /** Overseas trainees back for more than 15 days (on {@code on}, default today) without a return report. */
    @Operation(summary = "Báo cáo về nước quá hạn",
            description = "Những người học ở nước ngoài đã về quá 15 ngày mà chưa nộp báo cáo.\n\n*English:* Overseas trainees whose report is overdue.")
    @GET
    @Path("/overdue-return-reports")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER, Roles.LEADER})
    public List<EnrolmentView> overdueReturnReports(@QueryParam("on") LocalDate on) {
        LocalDate day = on == null ? ProvinceTime.today() : on;
        return queries.overdueReturnReports(day, RETURN_REPORT_DAYS).stream().map(views::of).toList();
    }
}
