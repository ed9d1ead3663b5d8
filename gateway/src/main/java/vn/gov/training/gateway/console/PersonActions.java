package vn.gov.training.gateway.console;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import vn.gov.training.gateway.console.client.Params;
import vn.gov.training.gateway.console.client.PersonnelApi;
import vn.gov.training.gateway.console.client.ServiceAnswers;
import vn.gov.training.gateway.console.client.Uploads;

/**
 * What a unit officer does from the person page, each a small form answered in place: add a qualification or level,
 * transfer, leave, the yearly rating, and succession plans (add, mark reviewed, remove with a reason). personnel-service checks the
 * scope, audits and publishes; the console only turns typed dates into ISO dates and says what a date is not.
 */
@Path("/console/staff/{id}")
@Blocking
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class PersonActions {

    @Inject
    PersonnelApi personnel;
    @Inject
    @Uploads
    PersonnelApi uploads;
    @Inject
    ServiceAnswers answers;

    @POST
    @Path("qualifications")
    public TemplateInstance addQualification(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        copy(form, body, "kind", "level", "institution", "credentialNumber");
        ApiResult invalid = date(form, body, "awardedOn", "Ngày cấp");
        if (invalid != null) {
            return Fragments.message(invalid, null);
        }
        ApiResult saved = answers.of(personnel.addQualification(Params.id(id), body));
        return Fragments.message(saved, "Đã thêm trình độ " + Labels.of(body.get("kind")) + " "
                + Labels.level(body.get("kind"), body.get("level")) + ". Tải lại trang để thấy trong bảng.");
    }

    /** The evidence file of a qualification (PDF or image), sent on to personnel-service as the raw body. */
    @POST
    @Path("qualifications/{qualificationId}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TemplateInstance attachEvidence(@PathParam("id") String id, @PathParam("qualificationId") String qualificationId,
            @org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file)
            throws java.io.IOException {
        if (file == null || file.size() == 0) {
            return Fragments.message(ApiResult.failure(400, "Chưa chọn tệp", "Hãy chọn tệp PDF hoặc ảnh (PNG, JPEG)."), null);
        }
        String name = file.fileName() == null ? "" : file.fileName();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        String type = lower.endsWith(".pdf") ? "application/pdf" : lower.endsWith(".png") ? "image/png"
                : lower.endsWith(".jpg") || lower.endsWith(".jpeg") ? "image/jpeg" : MediaType.APPLICATION_OCTET_STREAM;
        ApiResult saved = answers.of(uploads.attachEvidence(Params.id(id), Params.id(qualificationId),
                Params.filled(name), type, java.nio.file.Files.readAllBytes(file.uploadedFile())));
        return Fragments.message(saved, "Đã đính kèm minh chứng " + saved.map().getOrDefault("fileName", name) + ".");
    }

    @POST
    @Path("transfer")
    public TemplateInstance transfer(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        copy(form, body, "orgUnitCode");
        ApiResult invalid = date(form, body, "effectiveOn", "Ngày chuyển");
        if (invalid != null) {
            return Fragments.message(invalid, null);
        }
        ApiResult saved = answers.of(personnel.transfer(Params.id(id), body));
        return Fragments.message(saved, "Đã chuyển công tác sang " + Formats.unitName(body.get("orgUnitCode")) + ".");
    }

    @POST
    @Path("leave")
    public TemplateInstance leave(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        copy(form, body, "reason");
        ApiResult invalid = date(form, body, "leftOn", "Ngày nghỉ");
        if (invalid != null) {
            return Fragments.message(invalid, null);
        }
        ApiResult saved = answers.of(personnel.leave(Params.id(id), body));
        return Fragments.message(saved, "Đã ghi cán bộ nghỉ việc (" + Labels.leftReason(body.get("reason")) + ").");
    }

    @POST
    @Path("plans")
    public TemplateInstance addPlan(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        copy(form, body, "titleCode", "orgUnitCode", "decisionNumber");
        for (String year : List.of("termStart", "termEnd")) {
            String v = form.getFirst(year);
            if (v != null && !v.isBlank()) {
                if (!v.strip().matches("\\d{4}")) {
                    return Fragments.message(ApiResult.failure(400, "Nhiệm kỳ không hợp lệ",
                            "Nhiệm kỳ không hợp lệ: năm bắt đầu và năm kết thúc là số năm, ví dụ 2025 và 2030."), null);
                }
                body.put(year, Integer.parseInt(v.strip()));
            }
        }
        ApiResult invalid = date(form, body, "decisionDate", "Ngày quyết định");
        if (invalid != null) {
            return Fragments.message(invalid, null);
        }
        ApiResult saved = answers.of(personnel.addSuccessionPlan(Params.id(id), body));
        return Fragments.message(saved, "Đã đưa vào quy hoạch " + Formats.titleName(body.get("titleCode")) + ".");
    }

    /** Review (clears the review flag) or removal from the plan, which needs a reason. */
    @POST
    @Path("plans/{planId}")
    public TemplateInstance changePlan(@PathParam("id") String id, @PathParam("planId") String planId,
            MultivaluedMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        String action = form.getFirst("action");
        if ("remove".equals(action)) {
            String reason = form.getFirst("reason");
            if (reason == null || reason.isBlank()) {
                return Fragments.message(ApiResult.failure(400, "Chưa có lý do",
                        "Đưa ra khỏi quy hoạch phải có lý do."), null);
            }
            body.put("status", "REMOVED");
            body.put("reason", reason.strip());
        } else if ("reviewed".equals(action)) {
            body.put("reviewed", true);
        } else {
            return Fragments.message(ApiResult.failure(400, "Chưa chọn thao tác", "Chọn rà soát hoặc đưa ra khỏi quy hoạch."),
                    null);
        }
        ApiResult saved = answers.of(personnel.changeSuccessionPlan(Params.id(id), Params.id(planId), body));
        return Fragments.message(saved, "remove".equals(action) ? "Đã đưa ra khỏi quy hoạch." : "Đã ghi nhận rà soát.");
    }

    /** The yearly rating: one per year, set again to correct it. */
    @POST
    @Path("ratings")
    public TemplateInstance rate(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        String year = form.getFirst("year") == null ? "" : form.getFirst("year").strip();
        if (!year.matches("\\d{4}")) {
            return Fragments.message(ApiResult.failure(400, "Năm đánh giá không hợp lệ",
                    "Năm đánh giá không hợp lệ: nhập số năm, ví dụ 2025."), null);
        }
        String rating = form.getFirst("rating");
        if (rating == null || rating.isBlank()) {
            return Fragments.message(ApiResult.failure(400, "Chưa chọn xếp loại", "Hãy chọn mức xếp loại của năm."), null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rating", rating.strip());
        ApiResult saved = answers.of(personnel.rate(Params.id(id), Integer.parseInt(year), body));
        return Fragments.message(saved, "Đã ghi xếp loại năm " + year + ": " + Labels.rating(body.get("rating")) + ".");
    }

    private static void copy(MultivaluedMap<String, String> form, Map<String, Object> body, String... fields) {
        for (String f : fields) {
            String v = form.getFirst(f);
            if (v != null && !v.isBlank()) {
                body.put(f, v.strip());
            }
        }
    }

    /** A typed dd/mm/yyyy date into the body as ISO; a refusal naming the field when it is no date. */
    private static ApiResult date(MultivaluedMap<String, String> form, Map<String, Object> body, String field,
            String label) {
        String v = form.getFirst(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        LocalDate date = Formats.parseDate(v);
        if (date == null) {
            return ApiResult.failure(400, label + " không hợp lệ",
                    label + " không hợp lệ: nhập theo dạng dd/mm/yyyy (ví dụ 30/06/2026).");
        }
        body.put(field, date.toString());
        return null;
    }
}
