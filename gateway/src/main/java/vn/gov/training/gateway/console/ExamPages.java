package vn.gov.training.gateway.console;

import java.math.BigDecimal;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import vn.gov.training.gateway.console.client.CourseApi;
import vn.gov.training.gateway.console.client.EnrolmentApi;
import vn.gov.training.gateway.console.client.Params;
import vn.gov.training.gateway.console.client.ServiceAnswers;

/**
 * Entry and exit exams of a class: each learner's sittings so far (attempt, score, passed, date) and one sheet to
 * record the next sitting of many learners at once; a retake is simply the next sitting (enrolment-service numbers the
 * attempts, refuses a sitting after a pass and takes a learner out after a failed entry exam or the last allowed exit
 * exam). Credential numbers and grades of the whole class stay on the results page.
 */
@Path("/console")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ExamPages {

    /** Learners who may still sit an exam (approved, in training). */
    static final List<String> SITTING = List.of("APPROVED", "IN_PROGRESS");
    /** Learners shown with their sittings (approved and later). */
    static final List<String> SHOWN = List.of("APPROVED", "IN_PROGRESS", "COMPLETED", "FAILED", "WITHDRAWN",
            "ENTRY_EXAM_FAILED");

    @Inject
    CourseApi course;
    @Inject
    EnrolmentApi enrolment;
    @Inject
    ServiceAnswers answers;
    @Location("console/exams.html")
    Template exams;
    @Location("console/exams-saved.html")
    Template saved;

    @GET
    @Path("classes/{id}/exams")
    public TemplateInstance sheet(@PathParam("id") String id) {
        ApiResult cls = answers.of(course.schoolClass(Params.id(id)));
        // EnrolmentView carries the learner's exams [{kind, attempt, score, passed, takenOn}]
        ApiResult enrolments = answers.of(enrolment.enrolments(null, Params.id(id), null, null, 500));
        List<Map<String, Object>> learners = new ArrayList<>();
        for (Map<String, Object> e : enrolments.items()) {
            if (SHOWN.contains(String.valueOf(e.get("status")))) {
                Map<String, Object> row = new LinkedHashMap<>(e);
                row.put("canSit", SITTING.contains(String.valueOf(e.get("status"))));
                learners.add(row);
            }
        }
        learners.sort(java.util.Comparator.comparing(l -> String.valueOf(l.get("personName")),
                java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"))));
        return exams.data("id", id).data("cls", cls).data("c", cls.map()).data("enrolments", enrolments)
                .data("learners", learners);
    }

    /** The sheet: each row with a result chosen is one sitting; a row left empty is not touched. */
    @POST
    @Path("classes/{id}/exams")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance record(@PathParam("id") String classId, MultivaluedMap<String, String> form) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Map<String, Object> e : answers.of(enrolment.enrolments(null, Params.id(classId), null, null, 500)).items()) {
            names.put(String.valueOf(e.get("id")), String.valueOf(e.get("personName")));
        }
        String kind = form.getFirst("kind");
        List<Map<String, Object>> rows = new ArrayList<>();
        int ok = 0;
        for (String key : form.keySet()) {
            if (!key.startsWith("passed-") || blank(form.getFirst(key))) {
                continue;
            }
            String enrolmentId = key.substring("passed-".length());
            ApiResult result = sit(enrolmentId, kind, form.getFirst(key), form.getFirst("score-" + enrolmentId),
                    form.getFirst("takenOn-" + enrolmentId));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", names.getOrDefault(enrolmentId, enrolmentId));
            row.put("ok", result.ok());
            row.put("message", result.ok() ? sittingText(result.map())
                    : String.join("; ", result.fieldErrorsOrMessage()));
            rows.add(row);
            ok += result.ok() ? 1 : 0;
        }
        return saved.data("id", classId).data("rows", rows).data("saved", ok).data("failed", rows.size() - ok);
    }

    private ApiResult sit(String enrolmentId, String kind, String passed, String score, String takenOn) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!"ENTRY".equals(kind) && !"EXIT".equals(kind)) {
            errors.put("kind", "Hãy chọn sát hạch đầu vào hoặc đầu ra.");
        }
        BigDecimal mark = null;
        if (!blank(score)) {
            try {
                mark = new BigDecimal(score.strip().replace(',', '.'));
                if (mark.signum() < 0 || mark.compareTo(BigDecimal.valueOf(100)) > 0) {
                    errors.put("score", "Điểm phải từ 0 đến 100.");
                }
            } catch (NumberFormatException e) {
                errors.put("score", "Điểm phải là số (ví dụ 7,5).");
            }
        }
        if (!blank(takenOn) && Formats.parseDate(takenOn) == null) {
            errors.put("takenOn", "Ngày không hợp lệ (dd/mm/yyyy).");
        }
        if (!errors.isEmpty()) {
            return ApiResult.invalid(errors);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("passed", "true".equals(passed));
        if (mark != null) {
            body.put("score", mark);
        }
        if (!blank(takenOn)) {
            body.put("takenOn", Formats.toIso(takenOn));
        }
        return answers.of(enrolment.recordExam(Params.id(enrolmentId), body));
    }

    /** What the sitting did, from the enrolment the service answers: its last sitting and the learner's status. */
    @SuppressWarnings("unchecked")
    static String sittingText(Map<String, Object> enrolment) {
        List<Map<String, Object>> sittings = enrolment.get("exams") instanceof List<?> l
                ? (List<Map<String, Object>>) l : List.of();
        if (sittings.isEmpty()) {
            return "Đã ghi";
        }
        Map<String, Object> last = sittings.get(sittings.size() - 1);
        return Labels.of(last.get("kind")) + " lần " + last.get("attempt") + ": "
                + (Boolean.TRUE.equals(last.get("passed")) ? "Đạt" : "Không đạt")
                + " – trạng thái: " + Labels.of(enrolment.get("status"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
