package vn.gov.training.enrolment.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonRawValue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import vn.gov.training.enrolment.domain.HistoryImportJob;
import vn.gov.training.enrolment.service.HistoryFormat;
import vn.gov.training.enrolment.service.HistoryImport;
import vn.gov.training.platform.imports.ImportRunner;
import vn.gov.training.platform.imports.ImportTemplate;
import vn.gov.training.platform.security.Caller;
import vn.gov.training.platform.security.Roles;

/**
 * Historical training records imports: upload the file as the request body (.xlsx or .csv), follow the job, read its
 * row errors. {@code mode=ALL_OR_NOTHING} (default) or {@code VALID_ROWS}. Unit officers import people of their
 * units only; admins and province managers anyone.
 */
@Tag(name = "Nhập quá trình đào tạo", description = "Nhập quá trình đào tạo đã có từ Excel hoặc CSV, mỗi dòng một lượt học. / Historical training records import.")
@Path("/api/enrolments/imports")
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
public class HistoryImportResource {

    static final String XLSX = ImportTemplate.XLSX;

    public record JobView(UUID id, String fileName, String mode, String status, int totalRows, int processedRows,
                          int created, int unchanged, int rejected, @JsonRawValue String errors,
                          OffsetDateTime startedAt, OffsetDateTime finishedAt) {
        static JobView of(HistoryImportJob j) {
            return new JobView(j.id, j.fileName, j.mode, j.status, j.totalRows, j.processedRows, j.createdCount,
                    j.unchangedCount, j.rejectedCount, j.errors == null ? "[]" : j.errors, j.startedAt, j.finishedAt);
        }
    }

    private final HistoryImport imports;
    private final ImportRunner runner;
    private final Caller caller;

    HistoryImportResource(HistoryImport imports, ImportRunner runner, Caller caller) {
        this.imports = imports;
        this.runner = runner;
        this.caller = caller;
    }

    @APIResponse(responseCode = "202", description = "Đã nhận tệp; theo dõi công việc nhập ở địa chỉ trong `Location`.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class))})
    @Operation(summary = "Nhập quá trình đào tạo từ Excel/CSV",
            description = "Gửi tệp (.xlsx hoặc .csv theo mẫu, mỗi dòng một lượt học); tạo một công việc nhập chạy nền, trả 202 và địa chỉ theo dõi. Nhập lại cùng tệp không thay đổi gì.\n\n*English:* Upload historical training turns; starts an import job (202 with its address). Importing the same file again changes nothing.")
    @POST
    @Consumes({XLSX, "text/csv", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(byte[] content,
                           @QueryParam("mode") @DefaultValue("ALL_OR_NOTHING") HistoryImportJob.Mode mode,
                           @QueryParam("fileName") String fileName) {
        HistoryImportJob job = imports.start(content, fileName, mode);
        // relative, as the contract says: the same path through the gateway as on the service
        return Response.accepted(JobView.of(job)).header("Location", "/api/enrolments/imports/" + job.id).build();
    }

    @Operation(summary = "Tiến độ nhập quá trình đào tạo",
            description = "Trạng thái công việc nhập: số dòng đã xử lý, tạo mới, không đổi, bị từ chối, lỗi từng dòng.\n\n*English:* Progress and per-row errors of a historical import job.")
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public JobView job(@PathParam("id") UUID id) {
        return JobView.of(runner.job(HistoryImportJob.class, id, caller));
    }

    /** The template: {@code format=xlsx} (the default) or {@code csv}; an {@code Accept} of CSV alone asks for CSV. */
    @APIResponse(responseCode = "200", description = "Tệp mẫu (.xlsx hoặc .csv).",
            content = {
                @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @Operation(summary = "Tải tệp mẫu nhập quá trình đào tạo",
            description = "Tệp mẫu với tiêu đề cột tiếng Việt: `format=xlsx` (mặc định) hoặc `csv`.\n\n*English:* The template with Vietnamese headings (xlsx or csv).")
    @GET
    @Path("/template")
    @Produces({XLSX, "text/csv"})
    public Response template(@QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        return HistoryFormat.TEMPLATE.response(format, accept);
    }
}
