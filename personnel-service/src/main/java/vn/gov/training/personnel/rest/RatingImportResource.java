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
import vn.gov.training.personnel.service.RatingImport;
import vn.gov.training.personnel.service.RatingImportFormat;
import vn.gov.training.platform.security.Roles;

/**
 * Yearly ratings imports: one person's rating of one year per row (national ID, year, rating), as the request body
 * (.xlsx or .csv); the job is followed like a staff-list import's. {@code mode=ALL_OR_NOTHING} (default) or
 * {@code VALID_ROWS}.
 */
@Tag(name = "Nhập xếp loại", description = "Nhập xếp loại đánh giá hằng năm của cán bộ hàng loạt từ Excel hoặc CSV. / Bulk import of yearly ratings.")
@Path("/api/personnel/rating-imports")
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
public class RatingImportResource {

    private static final String PATH = "/api/personnel/rating-imports";

    private final RatingImport imports;
    private final PersonImports jobs;

    RatingImportResource(RatingImport imports, PersonImports jobs) {
        this.imports = imports;
        this.jobs = jobs;
    }

    @APIResponse(responseCode = "202", description = "Đã nhận tệp; theo dõi công việc nhập ở địa chỉ trong `Location`.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class))})
    @Operation(summary = "Nhập xếp loại hằng năm từ Excel/CSV",
            description = "Gửi tệp (.xlsx hoặc .csv theo mẫu), mỗi dòng xếp loại một năm của một cán bộ; năm đã có xếp loại khác được sửa, giống hệt thì giữ nguyên. Tạo một công việc nhập chạy nền, trả 202 và địa chỉ theo dõi.\n\n*English:* Upload a yearly ratings file (one person's rating of one year per row; a different rating corrects the year's, an equal one is unchanged); starts an import job (202 with its address).")
    @POST
    @Consumes({ImportResource.XLSX, "text/csv", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(byte[] content, @QueryParam("mode") @DefaultValue("ALL_OR_NOTHING") ImportJob.Mode mode,
                           @QueryParam("fileName") String fileName) {
        return ImportResource.accepted(jobs.start(imports, content, fileName, mode), PATH);
    }

    @Operation(summary = "Tiến độ nhập xếp loại",
            description = "Trạng thái công việc nhập: số dòng đã xử lý, tạo mới, cập nhật, không đổi, lỗi từng dòng.\n\n*English:* Progress and per-row errors of a ratings import job.")
    @GET
    @Path("/{id}")
    public JobView job(@PathParam("id") UUID id) {
        return JobView.of(jobs.job(ImportJob.Kind.RATINGS, id));
    }

    /** The template: {@code format=xlsx} (the default) or {@code csv}, or an {@code Accept} of {@code text/csv}. */
    @APIResponse(responseCode = "200", description = "Tệp mẫu (.xlsx hoặc .csv).",
            content = {
                @Content(mediaType = ImportResource.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @Operation(summary = "Mẫu tệp nhập xếp loại",
            description = "Tệp mẫu với các cột và một dòng ví dụ.\n\n*English:* The yearly ratings import template.")
    @GET
    @Path("/template")
    @Produces({ImportResource.XLSX, "text/csv"})
    public Response template(@QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        return RatingImportFormat.TEMPLATE.response(format, accept);
    }
}
