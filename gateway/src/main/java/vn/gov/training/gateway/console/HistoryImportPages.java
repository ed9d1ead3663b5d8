package vn.gov.training.gateway.console;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * The historical training records import (enrolment-service {@code /api/enrolments/imports}): upload, mode, progress
 * and row errors, like the staff import. enrolment-service decides who may import whom; the page only relays.
 */
@Path("/console/history-import")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class HistoryImportPages {

    @Inject
    ServiceClient api;
    @Location("console/history-import.html")
    Template page;
    @Location("console/history-import-report.html")
    Template report;

    @GET
    public TemplateInstance form() {
        return page.instance();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TemplateInstance upload(@RestForm("file") FileUpload file, @RestForm("mode") String mode) throws IOException {
        if (file == null || file.size() == 0) {
            return Fragments.message(ApiResult.failure(400, "Chưa chọn tệp", "Hãy chọn tệp .xlsx hoặc .csv."), null);
        }
        byte[] content = Files.readAllBytes(file.uploadedFile());
        String contentType = file.fileName().toLowerCase().endsWith(".csv") ? "text/csv"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        // enrolment-service takes the file as the raw body and answers 202 with the job it started
        ApiResult job = api.postFile(Q.of().p("mode", "VALID_ROWS".equals(mode) ? mode : "ALL_OR_NOTHING")
                .p("fileName", file.fileName()).on("/api/enrolments/imports"), contentType, content);
        return job(job);
    }

    /** The job's progress and row errors; the fragment polls itself every second while the job runs. */
    @GET
    @Path("{jobId}")
    public TemplateInstance job(@PathParam("jobId") String jobId) {
        return job(api.get("/api/enrolments/imports/" + Q.enc(jobId)));
    }

    private TemplateInstance job(ApiResult job) {
        Map<String, Object> j = job.map();
        boolean running = job.ok() && "RUNNING".equals(j.get("status"));
        int total = j.get("totalRows") instanceof Number n ? n.intValue() : 0;
        int processed = j.get("processedRows") instanceof Number n ? n.intValue() : 0;
        int percent = total == 0 ? (running ? 0 : 100) : Math.min(100, processed * 100 / total);
        return report.data("job", job).data("j", j).data("running", running).data("percent", percent)
                .data("rowErrors", job.list("errors"));
    }
}
