package vn.gov.training.enrolment.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.EnrolmentStatus;
import vn.gov.training.enrolment.service.AttendanceService;
import vn.gov.training.enrolment.service.ClassEnrolments;
import vn.gov.training.enrolment.service.EnrolmentResults;
import vn.gov.training.enrolment.service.EnrolmentService;
import vn.gov.training.enrolment.service.QuotaService;
import vn.gov.training.enrolment.service.ResultSheets;
import vn.gov.training.enrolment.service.ResultWorkbook;
import vn.gov.training.platform.problem.FieldError;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Roles;

/**
 * A class seen from enrolments: its attendance sheet, its results sheet, its per-unit quotas. (Under its own path:
 * {@code /api/classes} belongs to course-service.)
 */
@Tag(name = "Học viên của lớp", description = "Học viên, điểm danh, kết quả và chỉ tiêu theo lớp. / Learners, attendance, results and quotas per class.")
@Path("/api/class-enrolments/{classId}")
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF})
public class ClassEnrolmentResource {

    private final AttendanceService attendance;
    private final ClassEnrolments classes;
    private final Views views;
    private final ResultSheets sheets;
    private final ResultWorkbook workbook;
    private final Validator validator;
    private final QuotaService quotas;
    private final EnrolmentService enrolments;

    ClassEnrolmentResource(AttendanceService attendance, ClassEnrolments classes, Views views,
                           ResultSheets sheets, ResultWorkbook workbook, Validator validator, QuotaService quotas,
                           EnrolmentService enrolments) {
        this.enrolments = enrolments;
        this.validator = validator;
        this.quotas = quotas;
        this.sheets = sheets;
        this.workbook = workbook;
        this.attendance = attendance;
        this.classes = classes;
        this.views = views;
    }

    public record Learner(UUID enrolmentId, UUID personnelId, String fullName, String status, Long waitlistPosition,
                          String fitAssessment, String grade, String credentialNumber, Integer periodsAttended,
                          List<AttendanceService.Entry> attendance) {
    }

    /** The class's learners (approved and later), sorted by Vietnamese name, with attendance and results. */
    @Operation(summary = "Học viên của lớp",
            description = "Danh sách học viên của một lớp với trạng thái, điểm danh, kết quả.\n\n*English:* The learners of a class with status, attendance and results.")
    @GET
    public List<Learner> learners(@PathParam("classId") UUID classId) {
        return classes.learners(classId).stream().map(l -> {
            Enrolment e = l.enrolment();
            return new Learner(e.id, e.personnelId, l.fullName(), e.status.name(), e.waitlistPosition,
                    e.fitAssessment.name(), e.grade == null ? null : e.grade.name(), e.credentialNumber,
                    e.periodsAttended, l.attendance());
        }).toList();
    }

    /** The attendance of one session for the whole class. */
    @Operation(summary = "Điểm danh một buổi học",
            description = "Ghi điểm danh của cả lớp cho một buổi (`sessionId`, danh sách học viên có mặt).\n\n*English:* Record the attendance of a whole class for one session.")
    @PUT
    @Path("/attendance")
    public List<AttendanceService.Entry> attendanceSheet(@PathParam("classId") UUID classId,
                                                         @Valid @NotNull EnrolmentRequests.AttendanceSheet sheet) {
        // rights first: whether an enrolment exists is only told to those who may record this class
        classes.requireRecordResults(classId);
        List<AttendanceService.Entry> saved = new ArrayList<>();
        for (EnrolmentRequests.AttendanceEntry entry : sheet.entries()) {
            classes.requireOfClass(entry.enrolmentId(), classId);
            saved.add(attendance.record(entry.enrolmentId(), sheet.sessionId(), entry.status()));
        }
        return saved;
    }

    /** One nomination's row of a class's approvals: {@code status} 200 with the enrolment's new status, or why not. */
    public record ApprovalRow(int row, UUID enrolmentId, int status, String enrolmentStatus, Long waitlistPosition,
                              String code, String title) {
    }

    public record Approvals(int approved, int waitlisted, int refused, List<ApprovalRow> results) {
    }

    /** Many nominations of the class approved at once, in the order given, as one by one. */
    @APIResponse(responseCode = "200", description = "Kết quả từng đề cử, theo thứ tự gửi lên.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Approvals.class))})
    @Operation(summary = "Phê duyệt nhiều đề cử của lớp",
            description = "Phê duyệt tối đa 500 đề cử của lớp theo thứ tự gửi lên: còn chỗ (và chỉ tiêu của đơn vị) thì được duyệt, hết chỗ thì vào danh sách chờ; đề cử không thuộc lớp hoặc không ở trạng thái đã đề cử là kết quả của dòng đó và giữ nguyên.\n\n*English:* Approve up to 500 of the class's nominations in the order given: a seat while there is one, else the waitlist; a nomination not of this class or not NOMINATED is that row's result and stays as it was.")
    @POST
    @Path("/approvals")
    public Approvals approveAll(@PathParam("classId") UUID classId,
                                @Valid @NotNull EnrolmentRequests.Approvals request) {
        List<ApprovalRow> rows = new ArrayList<>();
        int approved = 0;
        int waitlisted = 0;
        List<EnrolmentService.ApprovalOutcome> outcomes = enrolments.approveAll(classId, request.enrolmentIds());
        for (int i = 0; i < outcomes.size(); i++) {
            EnrolmentService.ApprovalOutcome outcome = outcomes.get(i);
            Enrolment e = outcome.enrolment();
            if (e != null) {
                approved += e.status == EnrolmentStatus.APPROVED ? 1 : 0;
                waitlisted += e.status == EnrolmentStatus.WAITLISTED ? 1 : 0;
                rows.add(new ApprovalRow(i, e.id, 200, e.status.name(), e.waitlistPosition, null, null));
            } else {
                ProblemException refusal = outcome.refusal();
                rows.add(new ApprovalRow(i, outcome.enrolmentId(), refusal.status(), null, null, refusal.code(),
                        views.messages().find("problem." + refusal.code() + ".title", refusal.args())));
            }
        }
        return new Approvals(approved, waitlisted, outcomes.size() - approved - waitlisted, rows);
    }

    public record RowResult(int row, UUID enrolmentId, int status, String outcome, String code, String title) {
    }

    /** The results sheet: one outcome per learner, each saved on its own, with a result per row. */
    @Operation(summary = "Ghi kết quả cả lớp",
            description = "Ghi kết quả cuối khóa (đạt/không đạt, xếp loại, số văn bằng) cho nhiều học viên; trả kết quả từng dòng.\n\n*English:* Record final results for many learners; answers per row.")
    @POST
    @Path("/results")
    public List<RowResult> results(@PathParam("classId") UUID classId,
                                   @Valid @NotNull EnrolmentRequests.ResultSheet sheet) {
        classes.requireRecordResults(classId);
        List<ResultSheets.Row> rows = new ArrayList<>();
        for (int i = 0; i < sheet.rows().size(); i++) {
            EnrolmentRequests.ResultRow row = sheet.rows().get(i);
            rows.add(new ResultSheets.Row(i, new EnrolmentResults.Result(row.enrolmentId(), row.outcome(),
                    row.grade(), row.credentialNumber(), row.credentialIssuedOn(), row.periodsAttended(), row.date(),
                    row.reason()), List.of()));
        }
        ResultSheets.Outcome outcome = sheets.record(classId, rows, ResultSheets.Mode.VALID_ROWS);
        return outcome.rows().stream().map(r -> {
            if (r.outcome() != ResultSheets.RowOutcome.REJECTED) {
                return new RowResult(r.row(), r.enrolmentId(), 200, r.status(), null, null);
            }
            FieldError first = r.errors().get(0);
            String title = views.messages().find("problem." + first.code() + ".title");
            return new RowResult(r.row(), r.enrolmentId(), r.http(), null, first.code(),
                    title == null ? first.message() : title);
        }).toList();
    }

    /**
     * The Excel form to fill in: one row per learner of the class who can receive a result (approved or in
     * training), with the enrolment id and name filled in.
     */
    @APIResponse(responseCode = "200", description = "Tệp Excel mẫu.",
            content = {@Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @Operation(summary = "Mẫu Excel nhập kết quả",
            description = "Tệp Excel có sẵn danh sách học viên của lớp để điền kết quả.\n\n*English:* Excel template with the class's learners for entering results.")
    @GET
    @Path("/results/template")
    @Produces(ResultWorkbook.MEDIA_TYPE)
    public Response resultsTemplate(@PathParam("classId") UUID classId) {
        ClassEnrolments.ResultForm form = classes.resultForm(classId);
        String file = "ket-qua-" + (form.classCode() == null ? classId : form.classCode()).toString()
                .replaceAll("[^A-Za-z0-9._-]", "_") + ".xlsx";
        return Response.ok(workbook.template(form.classCode(), form.learners())).type(ResultWorkbook.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    public record ImportRow(int row, UUID enrolmentId, ResultSheets.RowOutcome outcome, String status,
                            List<FieldError> errors) {
    }

    public record ImportResult(String mode, int applied, int unchanged, int rejected, List<ImportRow> rows) {
    }

    /**
     * The results sheet uploaded from Excel (the file as the request body). Every row is checked by the same rules
     * as the JSON sheet; {@code mode=ALL_OR_NOTHING} (default) saves nothing when a row is refused,
     * {@code VALID_ROWS} saves the valid rows. A result already recorded identically is left as it is, so uploading
     * the same file again changes nothing.
     */
    @Operation(summary = "Nhập kết quả từ Excel",
            description = "Nhập tệp kết quả (.xlsx theo mẫu); trả lỗi theo từng dòng, không ghi dòng lỗi.\n\n*English:* Import a results workbook; per-row errors, invalid rows are not written.")
    @POST
    @Path("/results/import")
    @Consumes({ResultWorkbook.MEDIA_TYPE, MediaType.APPLICATION_OCTET_STREAM})
    public ImportResult importResults(@PathParam("classId") UUID classId, byte[] content,
                                      @QueryParam("mode") @DefaultValue("ALL_OR_NOTHING") String mode) {
        ResultSheets.Mode chosen = mode(mode);
        classes.requireRecordResults(classId);
        List<ResultSheets.Row> rows = workbook.read(content).stream().map(this::validated).toList();
        if (rows.isEmpty()) {
            throw ProblemException.invalid("results-file-empty");
        }
        ResultSheets.Outcome outcome = sheets.record(classId, rows, chosen);
        sheets.auditImport(classId, chosen, rows.size(), outcome);
        return new ImportResult(chosen.name(), outcome.applied(), outcome.unchanged(), outcome.rejected(),
                outcome.rows().stream().map(r -> new ImportRow(r.row(), r.enrolmentId(), r.outcome(), r.status(),
                        r.errors())).toList());
    }

    /** A row read from the file is held to the constraints of a row of the JSON sheet. */
    private ResultSheets.Row validated(ResultSheets.Row row) {
        if (!row.errors().isEmpty()) {
            return row;
        }
        EnrolmentResults.Result r = row.result();
        EnrolmentRequests.ResultRow asSheetRow = new EnrolmentRequests.ResultRow(r.enrolmentId(), r.outcome(),
                r.grade(), r.credentialNumber(), r.credentialIssuedOn(), r.periodsAttended(), r.date(), r.reason());
        List<FieldError> errors = validator.validate(asSheetRow).stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(),
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), v.getMessage()))
                .toList();
        return errors.isEmpty() ? row : new ResultSheets.Row(row.row(), r, errors);
    }

    private ResultSheets.Mode mode(String mode) {
        try {
            return ResultSheets.Mode.valueOf(mode.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(List.of(views.messages().fieldError("mode", "import-mode")));
        }
    }

    /**
     * The class's per-unit quotas: province-wide readers see all of them, institution staff those of their own
     * institution's classes (403 for another institution's), unit officers and leaders the quotas of the units in
     * their subtree.
     */
    @Operation(summary = "Chỉ tiêu của lớp theo đơn vị",
            description = "Chỉ tiêu học viên của lớp chia cho từng đơn vị và số đã dùng.\n\n*English:* The class's seat quotas per unit and their use.")
    @GET
    @Path("/quotas")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF, Roles.UNIT_OFFICER, Roles.LEADER})
    public List<QuotaView> quotas(@PathParam("classId") UUID classId) {
        return quotas.visible(classId).stream().map(QuotaView::of).toList();
    }

    /** At most {@code seats} approved learners nominated by {@code unitCode} in this class. */
    @Operation(summary = "Đặt chỉ tiêu cho đơn vị",
            description = "Đặt số chỉ tiêu của một đơn vị trong lớp.\n\n*English:* Set a unit's seat quota in a class.")
    @PUT
    @Path("/quotas/{unitCode}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public QuotaView setQuota(@PathParam("classId") UUID classId, @PathParam("unitCode") String unitCode,
                              @Valid @NotNull EnrolmentRequests.Quota request) {
        return QuotaView.of(quotas.set(classId, unitCode, request.seats()));
    }
}
