package vn.gov.training.enrolment.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.enrolment.domain.Attendance;
import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.ClassUnitQuota;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.EnrolmentStatus;
import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.enrolment.service.AccessPolicy;
import vn.gov.training.enrolment.service.AttendanceService;
import vn.gov.training.enrolment.service.EnrolmentService;
import vn.gov.training.enrolment.service.PlausibleRecords;
import vn.gov.training.enrolment.service.QuotaService;
import vn.gov.training.enrolment.service.ResultSheets;
import vn.gov.training.enrolment.service.ResultWorkbook;
import vn.gov.training.platform.problem.FieldError;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.text.VietnameseText;

/**
 * A class seen from enrolments: its attendance sheet, its results sheet, its per-unit quotas. (Under its own path:
 * {@code /api/classes} belongs to course-service.)
 */
@Tag(name = "Học viên của lớp", description = "Học viên, điểm danh, kết quả và chỉ tiêu theo lớp. / Learners, attendance, results and quotas per class.")
@Path("/api/class-enrolments/{classId}")
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF})
public class ClassEnrolmentResource {

    private final AttendanceService attendance;
    private final AccessPolicy access;
    private final Views views;
    private final AuditTrail audit;
    private final ResultSheets sheets;
    private final ResultWorkbook workbook;
    private final Validator validator;
    private final QuotaService quotas;
    private final PlausibleRecords plausible;

    ClassEnrolmentResource(AttendanceService attendance, AccessPolicy access, Views views, AuditTrail audit,
                           ResultSheets sheets, ResultWorkbook workbook, Validator validator, QuotaService quotas,
                           PlausibleRecords plausible) {
        this.plausible = plausible;
        this.validator = validator;
        this.quotas = quotas;
        this.sheets = sheets;
        this.workbook = workbook;
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
    @Operation(summary = "Học viên của lớp",
            description = "Danh sách học viên của một lớp với trạng thái, điểm danh, kết quả.\n\n*English:* The learners of a class with status, attendance and results.")
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
    @Operation(summary = "Điểm danh một buổi học",
            description = "Ghi điểm danh của cả lớp cho một buổi (`sessionId`, danh sách học viên có mặt).\n\n*English:* Record the attendance of a whole class for one session.")
    @PUT
    @Path("/attendance")
    public List<AttendanceService.Entry> attendanceSheet(@PathParam("classId") UUID classId,
                                                         @Valid @NotNull EnrolmentRequests.AttendanceSheet sheet) {
        // rights first: whether an enrolment exists is only told to those who may record this class
        access.requireRecordResults(requireClass(classId));
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
    @Operation(summary = "Ghi kết quả cả lớp",
            description = "Ghi kết quả cuối khóa (đạt/không đạt, xếp loại, số văn bằng) cho nhiều học viên; trả kết quả từng dòng.\n\n*English:* Record final results for many learners; answers per row.")
    @POST
    @Path("/results")
    public List<RowResult> results(@PathParam("classId") UUID classId,
                                   @Valid @NotNull EnrolmentRequests.ResultSheet sheet) {
        access.requireRecordResults(requireClass(classId));
        List<ResultSheets.Row> rows = new ArrayList<>();
        for (int i = 0; i < sheet.rows().size(); i++) {
            EnrolmentRequests.ResultRow row = sheet.rows().get(i);
            rows.add(new ResultSheets.Row(i, new EnrolmentService.Result(row.enrolmentId(), row.outcome(),
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
    @Transactional
    public Response resultsTemplate(@PathParam("classId") UUID classId) {
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
        String file = "ket-qua-" + (cls.code == null ? classId : cls.code).toString()
                .replaceAll("[^A-Za-z0-9._-]", "_") + ".xlsx";
        return Response.ok(workbook.template(cls.code, learners)).type(ResultWorkbook.MEDIA_TYPE)
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
        access.requireRecordResults(requireClass(classId));
        List<ResultSheets.Row> rows = workbook.read(content).stream().map(this::validated).toList();
        if (rows.isEmpty()) {
            throw ProblemException.invalid("results-file-empty");
        }
        ResultSheets.Outcome outcome = sheets.record(classId, rows, chosen);
        QuarkusTransaction.requiringNew().run(() -> audit.record("class-results", classId, "imported", null,
                Map.of("mode", chosen.name(), "rows", rows.size(), "applied", outcome.applied(),
                        "unchanged", outcome.unchanged(), "rejected", outcome.rejected())));
        return new ImportResult(chosen.name(), outcome.applied(), outcome.unchanged(), outcome.rejected(),
                outcome.rows().stream().map(r -> new ImportRow(r.row(), r.enrolmentId(), r.outcome(), r.status(),
                        r.errors())).toList());
    }

    /** A row read from the file is held to the constraints of a row of the JSON sheet. */
    private ResultSheets.Row validated(ResultSheets.Row row) {
        if (!row.errors().isEmpty()) {
            return row;
        }
        EnrolmentService.Result r = row.result();
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
    public List<ClassUnitQuota> quotas(@PathParam("classId") UUID classId) {
        ClassCopy cls = requireClass(classId);
        List<ClassUnitQuota> quotas = ClassUnitQuota.list("classId", classId);
        Optional<Set<String>> visibleUnits = access.scope().visibleUnits();
        if (visibleUnits.isEmpty() || access.isOwnInstitution(cls)) {
            return quotas;
        }
        if (access.hasRole(Roles.UNIT_OFFICER) || access.hasRole(Roles.LEADER)) {
            return quotas.stream().filter(q -> visibleUnits.get().contains(q.orgUnitCode)).toList();
        }
        throw ProblemException.forbidden("not-class-institution", cls.code);
    }

    /** At most {@code seats} approved learners nominated by {@code unitCode} in this class. */
    @Operation(summary = "Đặt chỉ tiêu cho đơn vị",
            description = "Đặt số chỉ tiêu của một đơn vị trong lớp.\n\n*English:* Set a unit's seat quota in a class.")
    @PUT
    @Path("/quotas/{unitCode}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public ClassUnitQuota setQuota(@PathParam("classId") UUID classId, @PathParam("unitCode") String unitCode,
                                   @Valid @NotNull EnrolmentRequests.Quota request) {
        // a quota names an existing unit and stays within the class's capacity (field errors, nothing written)
        plausible.of(requireClass(classId)).quota("unitCode", unitCode, "seats", request.seats()).check();
        return quotas.set(classId, unitCode, request.seats());
    }

    private static ClassCopy requireClass(UUID classId) {
        ClassCopy cls = ClassCopy.findById(classId);
        if (cls == null) {
            throw ProblemException.notFound("class-unknown", classId);
        }
        return cls;
    }

    private static void requireOfClass(UUID enrolmentId, UUID classId) {
        // called after the caller's right to record this class's results was checked
        Enrolment e = Enrolment.findById(enrolmentId);
        if (e == null || !e.classId.equals(classId)) {
            throw ProblemException.notFound("enrolment-not-found", enrolmentId);
        }
    }
}
