package vn.gov.training.gateway.console;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import vn.gov.training.gateway.console.client.CourseApi;
import vn.gov.training.gateway.console.client.EnrolmentApi;
import vn.gov.training.gateway.console.client.Params;
import vn.gov.training.gateway.console.client.ServiceAnswers;
import vn.gov.training.gateway.console.client.Uploads;

/** Class results: attendance per session, results (grade, credential) per learner, or the sheet from Excel. */
@Path("/console")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ResultPages {

    @Inject
    CourseApi course;
    @Inject
    EnrolmentApi enrolment;
    @Inject
    @Uploads
    EnrolmentApi uploads;
    @Inject
    ServiceAnswers answers;
    @Location("console/results.html")
    Template results;
    @Location("console/results-saved.html")
    Template resultsSaved;
    @Location("console/results-import.html")
    Template resultsImport;

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Learners whose attendance and results are recorded (approved and later). */
    static final List<String> SHEET_STATUSES = List.of("APPROVED", "IN_PROGRESS", "COMPLETED", "FAILED", "WITHDRAWN");

    @GET
    @Path("classes/{id}/results")
    public TemplateInstance sheet(@PathParam("id") String id, @QueryParam("sessionId") String sessionId) {
        ApiResult cls = answers.of(course.schoolClass(Params.id(id)));
        // enrolment-service's view of the class: Learner {enrolmentId, fullName, status, grade, ..., attendance[]}
        ApiResult enrolled = answers.of(enrolment.learners(Params.id(id)));
        List<Map<String, Object>> sessions = cls.list("sessions");
        String session = sessionId != null && !sessionId.isBlank() ? sessionId
                : sessions.isEmpty() ? null : String.valueOf(sessions.get(0).get("sessionId"));
        List<Map<String, Object>> learners = new ArrayList<>();
        for (Map<String, Object> learner : enrolled.<Map<String, Object>>bodyList()) {
            if (!SHEET_STATUSES.contains(String.valueOf(learner.get("status")))) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>(learner);
            row.put("sessionStatus", sessionStatus(learner, session));
            learners.add(row);
        }
        return results.data("id", id).data("c", cls.map()).data("cls", cls).data("enrolled", enrolled)
                .data("learners", learners).data("sessions", sessions).data("sessionId", session);
    }

    private static String sessionStatus(Map<String, Object> learner, String sessionId) {
        if (sessionId != null && learner.get("attendance") instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> m && sessionId.equals(String.valueOf(m.get("sessionId")))) {
                    return String.valueOf(m.get("status"));
                }
            }
        }
        return null;
    }

    /**
     * The whole results sheet at once: each row with an outcome chosen is recorded (complete with grade, credential
     * and periods, or fail); a row left empty is not touched. A row the console can already tell is wrong (no grade,
     * an impossible date, periods that are no number) is refused beside its name and not sent.
     */
    @POST
    @Path("classes/{id}/results")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance recordSheet(@PathParam("id") String classId, MultivaluedMap<String, String> form) {
        Map<String, String> names = new LinkedHashMap<>();
        ApiResult enrolled = answers.of(enrolment.learners(Params.id(classId)));
        for (Map<String, Object> learner : enrolled.<Map<String, Object>>bodyList()) {
            names.put(String.valueOf(learner.get("enrolmentId")), String.valueOf(learner.get("fullName")));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        int saved = 0;
        for (String key : form.keySet()) {
            if (!key.startsWith("outcome-") || blank(form.getFirst(key))) {
                continue;
            }
            String enrolmentId = key.substring("outcome-".length());
            String outcome = form.getFirst(key);
            ApiResult result = recordRow(enrolmentId, outcome, form.getFirst("grade-" + enrolmentId),
                    form.getFirst("credentialNumber-" + enrolmentId), form.getFirst("credentialIssuedOn-" + enrolmentId),
                    form.getFirst("periodsAttended-" + enrolmentId));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", names.getOrDefault(enrolmentId, enrolmentId));
            row.put("ok", result.ok());
            row.put("message", result.ok() ? ("FAILED".equals(outcome) ? "Không đạt" : "Hoàn thành")
                    : String.join("; ", result.fieldErrorsOrMessage()));
            rows.add(row);
            saved += result.ok() ? 1 : 0;
        }
        return resultsSaved.data("rows", rows).data("saved", saved).data("failed", rows.size() - saved);
    }

    private ApiResult recordRow(String enrolmentId, String outcome, String grade, String credentialNumber,
            String issuedOn, String periods) {
        if ("FAILED".equals(outcome)) {
            return answers.of(enrolment.fail(Params.id(enrolmentId), Map.of("reason", "Không đạt yêu cầu")));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(grade)) {
            errors.put("grade", "Hãy chọn xếp loại.");
        }
        if (!blank(issuedOn) && Formats.parseDate(issuedOn) == null) {
            errors.put("credentialIssuedOn", "Ngày không hợp lệ (dd/mm/yyyy).");
        }
        if (!blank(periods) && !periods.strip().matches("\\d{1,5}")) {
            errors.put("periodsAttended", "Phải là số nguyên.");
        }
        if (!errors.isEmpty()) {
            return ApiResult.invalid(errors);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grade", grade);
        put(body, "credentialNumber", credentialNumber);
        put(body, "credentialIssuedOn", Formats.toIso(issuedOn));
        if (!blank(periods)) {
            body.put("periodsAttended", Integer.parseInt(periods.strip()));
        }
        return answers.of(enrolment.complete(Params.id(enrolmentId), body));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @POST
    @Path("classes/{id}/attendance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance attendance(@PathParam("id") String classId, MultivaluedMap<String, String> form) {
        String session = form.getFirst("sessionId");
        if (session == null || session.isBlank()) {
            return Fragments.message(ApiResult.failure(400, "Chưa chọn buổi học", "Hãy chọn buổi học cần điểm danh."), null);
        }
        List<Map<String, Object>> entries = form.keySet().stream().filter(k -> k.startsWith("att-"))
                .filter(k -> form.getFirst(k) != null && !form.getFirst(k).isBlank())
                .map(k -> Map.<String, Object>of("enrolmentId", k.substring(4), "status", form.getFirst(k))).toList();
        if (entries.isEmpty()) {
            return Fragments.message(ApiResult.failure(400, "Chưa điểm danh", "Hãy chọn trạng thái cho ít nhất một học viên."), null);
        }
        ApiResult result = answers.of(enrolment.recordAttendance(Params.id(classId),
                Map.of("sessionId", session, "entries", entries)));
        return Fragments.message(result, "Đã lưu điểm danh " + entries.size() + " học viên.");
    }

    @POST
    @Path("classes/{id}/results/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TemplateInstance upload(@PathParam("id") String classId, @RestForm("file") FileUpload file,
            @RestForm("mode") String mode) throws IOException {
        if (file == null || file.size() == 0) {
            return Fragments.message(ApiResult.failure(400, "Chưa chọn tệp", "Hãy chọn tệp .xlsx."), null);
        }
        // the service takes the workbook as the raw request body
        ApiResult report = answers.of(uploads.importResults(Params.id(classId),
                "VALID_ROWS".equals(mode) ? mode : "ALL_OR_NOTHING", XLSX, Files.readAllBytes(file.uploadedFile())));
        Map<String, Object> names = new LinkedHashMap<>();
        if (report.ok()) {
            ApiResult enrolled = answers.of(enrolment.learners(Params.id(classId)));
            if (enrolled.ok() && enrolled.body() instanceof List<?>) {
                for (Map<String, Object> learner : enrolled.<Map<String, Object>>bodyList()) {
                    names.put(String.valueOf(learner.get("enrolmentId")), learner.get("fullName"));
                }
            }
        }
        return resultsImport.data("report", report).data("r", report.map()).data("rows", report.list("rows"))
                .data("names", names);
    }

    private static void put(Map<String, Object> body, String key, String value) {
        if (value != null && !value.isBlank()) {
            body.put(key, value.strip());
        }
    }
}
