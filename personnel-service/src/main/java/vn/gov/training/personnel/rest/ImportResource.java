package vn.gov.training.personnel.rest;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.personnel.domain.ImportJob;
import vn.gov.training.personnel.service.ImportFormat;
import vn.gov.training.personnel.service.ImportService;
import vn.gov.training.personnel.service.PersonImports;
import vn.gov.training.platform.imports.ImportTemplate;
import vn.gov.training.platform.security.Roles;

/**
 * Staff-list imports: upload the file as the request body (.xlsx or .csv), follow the job, read its row errors.
 * {@code mode=ALL_OR_NOTHING} (default) or {@code VALID_ROWS}.
 */
@Tag(name = "Nhập hồ sơ", description = "Nhập hồ sơ cán bộ hàng loạt từ Excel hoặc CSV. / Bulk staff import.")
@Path("/api/personnel/imports")
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
public class ImportResource {

    static final String XLSX = ImportTemplate.XLSX;

    public record JobView(UUID id, String fileName, String mode, String status, int totalRows, int processedRows,
                          int created, int updated, int unchanged, int errorRows, @JsonRawValue String errors,
                          OffsetDateTime startedAt, OffsetDateTime finishedAt) {
        static JobView of(ImportJob j) {
            return new JobView(j.id, j.fileName, j.mode, j.status, j.totalRows, j.processedRows, j.createdCount,
                    j.updatedCount, j.unchangedCount, j.errorCount, j.errors == null ? "[]" : j.errors, j.startedAt,
                    j.finishedAt);
        }
    }

    private final ImportService imports;
    private final PersonImports jobs;

    ImportResource(ImportService imports, PersonImports jobs) {
        this.imports = imports;
        this.jobs = jobs;
    }

    /** 202 with the job, and its address under {@code path} to follow it. */
    static Response accepted(ImportJob job, String path) {
        return Response.accepted(JobView.of(job)).location(URI.create(path + "/" + job.id)).build();
    }

    @APIResponse(responseCode = "202", description = "Đã nhận tệp; theo dõi công việc nhập ở địa chỉ trong `Location`.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class))})
    @Operation(summary = "Nhập hồ sơ cán bộ từ Excel/CSV",
            description = "Gửi tệp (.xlsx hoặc .csv theo mẫu); tạo một công việc nhập chạy nền, trả 202 và địa chỉ theo dõi.\n\n*English:* Upload a staff workbook; starts an import job (202 with its address).")
    @POST
    @Consumes({XLSX, "text/csv", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(byte[] content, @QueryParam("mode") @DefaultValue("ALL_OR_NOTHING") ImportJob.Mode mode,
                           @QueryParam("fileName") String fileName) {
        return accepted(jobs.start(imports, content, fileName, mode), "/api/personnel/imports");
    }

    @Operation(summary = "Tiến độ nhập hồ sơ",
            description = "Trạng thái công việc nhập: số dòng đã xử lý, tạo mới, cập nhật, lỗi từng dòng.\n\n*English:* Progress and per-row errors of an import job.")
    @GET
    @Path("/{id}")
    public JobView job(@PathParam("id") UUID id) {
        return JobView.of(jobs.job(ImportJob.Kind.STAFF, id));
    }

    /**
     * The template to fill in: {@code format=xlsx} (the default) or {@code csv}; without {@code format}, an
     * {@code Accept} of {@code text/csv} alone asks for CSV.
     */
    @APIResponse(responseCode = "200", description = "Tệp mẫu (.xlsx hoặc .csv).",
            content = {
                @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @Operation(summary = "Mẫu tệp nhập hồ sơ",
            description = "Tệp Excel mẫu với các cột và giá trị hợp lệ.\n\n*English:* The import workbook template.")
    @GET
    @Path("/template")
    @Produces({XLSX, "text/csv"})
    public Response template(@QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        return ImportFormat.TEMPLATE.response(format, accept);
    }
}
