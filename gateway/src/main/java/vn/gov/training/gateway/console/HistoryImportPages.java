package vn.gov.training.gateway.console;

import java.io.IOException;

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
import vn.gov.training.gateway.console.client.EnrolmentApi;
import vn.gov.training.gateway.console.client.Params;
import vn.gov.training.gateway.console.client.ServiceAnswers;
import vn.gov.training.gateway.console.client.Uploads;

/**
 * The historical training records import (enrolment-service {@code /api/enrolments/imports}): upload, mode, progress
 * and row errors, like the staff import. enrolment-service decides who may import whom; the page only relays.
 */
@Path("/console/history-import")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class HistoryImportPages {

    @Inject
    EnrolmentApi enrolment;
    @Inject
    @Uploads
    EnrolmentApi uploads;
    @Inject
    ServiceAnswers answers;
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
        return ImportJobPages.upload(answers, uploads::importHistory, report, file, mode, "/console/history-import");
    }

    /** The job's progress and row errors; the fragment polls itself every second while the job runs. */
    @GET
    @Path("{jobId}")
    public TemplateInstance job(@PathParam("jobId") String jobId) {
        return ImportJobPages.job(report, answers.of(enrolment.historyImport(Params.id(jobId))),
                "/console/history-import");
    }
}
