package vn.gov.training.gateway.console;

import java.io.IOException;
import java.nio.file.Files;
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

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** Class results: attendance per session, results (grade, credential) per learner, or the sheet from Excel. */
@Path("/console")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ResultPages {

    @Inject
    ServiceClient api;
    @Location("console/results.html")
    Template results;

    @GET
    @Path("classes/{id}/results")
    public TemplateInstance sheet(@PathParam("id") String id) {
        ApiResult cls = api.get("/api/classes/" + Q.enc(id));
        ApiResult enrolments = api.get(Q.of().p("classId", id).p("size", 500).on("/api/enrolments"));
        List<Map<String, Object>> learners = enrolments.items().stream()
                .filter(e -> !List.of("NOMINATED", "REJECTED", "WAITLISTED").contains(String.valueOf(e.get("status"))))
                .toList();
        return results.data("id", id).data("c", cls.map()).data("cls", cls).data("enrolments", enrolments)
                .data("learners", learners).data("sessions", cls.map().getOrDefault("sessions", List.of()));
    }

    @POST
    @Path("enrolments/{id}/result")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance record(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        String outcome = form.getFirst("outcome");
        ApiResult result;
        if ("FAILED".equals(outcome)) {
            result = api.post("/api/enrolments/" + Q.enc(id) + "/fail",
                    Map.of("reason", blankToDefault(form.getFirst("reason"), "Không đạt yêu cầu")));
            return Fragments.message(result, "Đã ghi nhận: không đạt.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grade", form.getFirst("grade"));
        put(body, "credentialNumber", form.getFirst("credentialNumber"));
        put(body, "credentialIssuedOn", Formats.toIso(form.getFirst("credentialIssuedOn")));
        String periods = form.getFirst("periodsAttended");
        if (periods != null && periods.strip().matches("\\d+")) {
            body.put("periodsAttended", Integer.parseInt(periods.strip()));
        } else {
            put(body, "periodsAttended", periods);
        }
        result = api.post("/api/enrolments/" + Q.enc(id) + "/complete", body);
        return Fragments.message(result, "Đã ghi kết quả hoàn thành.");
    }

    @POST
    @Path("classes/{id}/attendance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance attendance(@PathParam("id") String classId, MultivaluedMap<String, String> form) {
        String session = form.getFirst("sessionDate");
        List<Map<String, Object>> entries = form.keySet().stream().filter(k -> k.startsWith("att-"))
                .map(k -> Map.<String, Object>of("enrolmentId", k.substring(4), "status", form.getFirst(k))).toList();
        ApiResult result = api.put("/api/enrolments/attendance", Map.of("classId", classId,
                "sessionDate", Formats.toIso(session) == null ? "" : Formats.toIso(session), "entries", entries));
        return Fragments.message(result, "Đã lưu điểm danh " + entries.size() + " học viên.");
    }

    @POST
    @Path("classes/{id}/results/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TemplateInstance upload(@PathParam("id") String classId, @RestForm("file") FileUpload file) throws IOException {
        if (file == null || file.size() == 0) {
            return Fragments.message(ApiResult.failure(400, "Chưa chọn tệp", "Hãy chọn tệp .xlsx."), null);
        }
        ApiResult result = api.upload(Q.of().p("classId", classId).on("/api/enrolments/results/import"),
                file.fileName(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                Files.readAllBytes(file.uploadedFile()));
        return Fragments.message(result, "Đã nhập bảng kết quả từ tệp.");
    }

    private static void put(Map<String, Object> body, String key, String value) {
        if (value != null && !value.isBlank()) {
            body.put(key, value.strip());
        }
    }

    private static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
