package vn.gov.training.personnel.rest;

import java.util.UUID;

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
import vn.gov.training.personnel.rest.ImportResource.JobView;
import vn.gov.training.personnel.service.PersonImports;
import vn.gov.training.personnel.service.QualificationImport;
import vn.gov.training.personnel.service.QualificationImportFormat;
import vn.gov.training.platform.security.Roles;

/**
 * Levels imports: one level of one person per row (national ID, kind, level, award date), as the request body (.xlsx
 * or .csv); the job is followed like a staff-list import's. {@code mode=ALL_OR_NOTHING} (default) or
 * {@code VALID_ROWS}.
 */
@Tag(name = "Nhập trình độ", description = "Nhập trình độ của cán bộ hàng loạt từ Excel hoặc CSV. / Bulk import of levels.")
@Path("/api/personnel/qualification-imports")
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
public class QualificationImportResource {

    private static final String PATH = "/api/personnel/qualification-imports";

    private final QualificationImport imports;
    private final PersonImports jobs;

    QualificationImportResource(QualificationImport imports, PersonImports jobs) {
        this.imports = imports;
        this.jobs = jobs;
    }

    @APIResponse(responseCode = "202", description = "Đã nhận tệp; theo dõi công việc nhập ở địa chỉ trong `Location`.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class))})
    @Operation(summary = "Nhập trình độ từ Excel/CSV",
            description = "Gửi tệp (.xlsx hoặc .csv theo mẫu), mỗi dòng một trình độ của một cán bộ; trình độ đã có (cùng loại, trình độ, ngày cấp) được giữ nguyên. Tạo một công việc nhập chạy nền, trả 202 và địa chỉ theo dõi.\n\n*English:* Upload a levels file (one level of one person per row; levels already held are unchanged); starts an import job (202 with its address).")
    @POST
    @Consumes({ImportResource.XLSX, "text/csv", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(byte[] content, @QueryParam("mode") @DefaultValue("ALL_OR_NOTHING") ImportJob.Mode mode,
                           @QueryParam("fileName") String fileName) {
        return ImportResource.accepted(jobs.start(imports, content, fileName, mode), PATH);
    }

    @Operation(summary = "Tiến độ nhập trình độ",
            description = "Trạng thái công việc nhập: số dòng đã xử lý, tạo mới, không đổi, lỗi từng dòng.\n\n*English:* Progress and per-row errors of a levels import job.")
    @GET
    @Path("/{id}")
    public JobView job(@PathParam("id") UUID id) {
        return JobView.of(jobs.job(ImportJob.Kind.QUALIFICATIONS, id));
    }

    /** The template: {@code format=xlsx} (the default) or {@code csv}, or an {@code Accept} of {@code text/csv}. */
    @APIResponse(responseCode = "200", description = "Tệp mẫu (.xlsx hoặc .csv).",
            content = {
                @Content(mediaType = ImportResource.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @Operation(summary = "Mẫu tệp nhập trình độ",
            description = "Tệp mẫu với các cột và một dòng ví dụ.\n\n*English:* The levels import template.")
    @GET
    @Path("/template")
    @Produces({ImportResource.XLSX, "text/csv"})
    public Response template(@QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        return QualificationImportFormat.TEMPLATE.response(format, accept);
    }
}
