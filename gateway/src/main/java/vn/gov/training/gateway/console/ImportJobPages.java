package vn.gov.training.gateway.console;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import vn.gov.training.gateway.console.client.Params;
import vn.gov.training.gateway.console.client.ServiceAnswers;

/**
 * The console's side of a service's background import (staff lists, training history): relays the uploaded file and
 * shows the job's progress and row errors. The service decides who may import what.
 */
final class ImportJobPages {

    private ImportJobPages() {
    }

    /** A service's import: the file as the raw body, the mode and the file's name. */
    @FunctionalInterface
    interface FileImport {
        CompletionStage<Response> start(String mode, String fileName, String contentType, byte[] content);
    }

    /**
     * Sends the file to the service's import; the service answers 202 with the job it started, which the report
     * follows at {@code poll}/{id}.
     */
    static TemplateInstance upload(ServiceAnswers answers, FileImport service, Template report, FileUpload file,
                                   String mode, String poll) throws IOException {
        if (file == null || file.size() == 0) {
            return Fragments.message(ApiResult.failure(400, "Chưa chọn tệp", "Hãy chọn tệp .xlsx hoặc .csv."), null);
        }
        byte[] content = Files.readAllBytes(file.uploadedFile());
        String contentType = file.fileName().toLowerCase().endsWith(".csv") ? "text/csv"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        ApiResult job = answers.of(service.start("VALID_ROWS".equals(mode) ? mode : "ALL_OR_NOTHING",
                Params.filled(file.fileName()), contentType, content));
        return job(report, job, poll);
    }

    /** The job's progress and row errors; the fragment polls itself at {@code poll}/{id} every second while it runs. */
    static TemplateInstance job(Template report, ApiResult job, String poll) {
        Map<String, Object> j = job.map();
        boolean running = job.ok() && "RUNNING".equals(j.get("status"));
        int total = j.get("totalRows") instanceof Number n ? n.intValue() : 0;
        int processed = j.get("processedRows") instanceof Number n ? n.intValue() : 0;
        int percent = total == 0 ? (running ? 0 : 100) : Math.min(100, processed * 100 / total);
        return report.data("job", job).data("j", j).data("running", running).data("percent", percent).data("poll", poll)
                .data("rowErrors", job.list("errors"));
    }
}
