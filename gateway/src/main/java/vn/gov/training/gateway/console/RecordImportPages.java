package vn.gov.training.gateway.console;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import vn.gov.training.gateway.console.client.Params;
import vn.gov.training.gateway.console.client.PersonnelApi;
import vn.gov.training.gateway.console.client.ServiceAnswers;
import vn.gov.training.gateway.console.client.Uploads;

/**
 * The imports of people's levels and yearly ratings (personnel-service {@code /api/personnel/qualification-imports}
 * and {@code /rating-imports}), offered beside the staff import: upload, mode, progress and row errors. The service
 * decides who may import for whom; the page only relays.
 */
@Path("/console/{records: levels-import|ratings-import}")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class RecordImportPages {

    /** What each page imports: its console path, the service's import and the page's words. */
    @TemplateData
    public enum Records {
        LEVELS("levels-import", "/api/personnel/qualification-imports", "Nhập trình độ",
                "Mỗi dòng là một trình độ của một cán bộ: số định danh cá nhân, loại trình độ, trình độ (mã hoặc tên "
                        + "tiếng Việt), ngày cấp, cơ sở đào tạo, số văn bằng. Trình độ đã có (cùng loại, trình độ, "
                        + "ngày cấp) được giữ nguyên."),
        RATINGS("ratings-import", "/api/personnel/rating-imports", "Nhập xếp loại hằng năm",
                "Mỗi dòng là xếp loại một năm của một cán bộ: số định danh cá nhân, năm, xếp loại (mã hoặc tên tiếng "
                        + "Việt). Năm đã có xếp loại khác được sửa; xếp loại giống hệt được giữ nguyên.");

        public final String path;
        public final String api;
        public final String title;
        public final String description;

        Records(String path, String api, String title, String description) {
            this.path = path;
            this.api = api;
            this.title = title;
            this.description = description;
        }

        static Records of(String path) {
            for (Records r : values()) {
                if (r.path.equals(path)) {
                    return r;
                }
            }
            throw new NotFoundException();
        }

        public String console() {
            return "/console/" + path;
        }
    }

    @Inject
    PersonnelApi personnel;
    @Inject
    @Uploads
    PersonnelApi uploads;
    @Inject
    ServiceAnswers answers;
    @Location("console/record-import.html")
    Template page;
    @Location("console/import-report.html")
    Template report;

    @GET
    public TemplateInstance form(@PathParam("records") String records) {
        return page.data("r", Records.of(records));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TemplateInstance upload(@PathParam("records") String records, @RestForm("file") FileUpload file,
                                   @RestForm("mode") String mode) throws IOException {
        Records r = Records.of(records);
        return ImportJobPages.upload(answers,
                r == Records.LEVELS ? uploads::importQualifications : uploads::importRatings, report, file, mode,
                r.console());
    }

    /** The job's progress and row errors; the fragment polls itself every second while the job runs. */
    @GET
    @Path("{jobId}")
    public TemplateInstance job(@PathParam("records") String records, @PathParam("jobId") String jobId) {
        Records r = Records.of(records);
        return ImportJobPages.job(report, answers.of(r == Records.LEVELS
                ? personnel.qualificationImport(Params.id(jobId)) : personnel.ratingImport(Params.id(jobId))), r.console());
    }
}
