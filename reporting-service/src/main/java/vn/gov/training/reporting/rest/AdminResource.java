package vn.gov.training.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.platform.security.Roles;
import vn.gov.training.reporting.projection.Rebuild;

/** Rebuilding the read model from the topics. */
@Tag(name = "Vận hành", description = "Thao tác cho người vận hành: bản sao dữ liệu từ sự kiện, thư chết, dựng lại. / Operator operations.")
@Path("/api/admin/rebuild")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final Rebuild rebuild;

    AdminResource(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @APIResponse(responseCode = "202", description = "Đã bắt đầu; theo dõi ở địa chỉ trong `Location`.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rebuild.Progress.class))})
    @Operation(summary = "Dựng lại dữ liệu báo cáo",
            description = "Bắt đầu dựng lại mô hình đọc của báo cáo từ đầu các topic; trả 202 và địa chỉ theo dõi.\n\n*English:* Rebuild the reporting read model from the topics; 202 with the progress address.")
    @POST
    public Response start() {
        Rebuild.Progress progress = rebuild.start();
        return Response.accepted(progress).header("Location", "/api/admin/rebuild/" + progress.id()).build();
    }

    /** Gives up a build left BUILDING by a crashed instance, so that a new one can start. */
    @Operation(summary = "Bỏ lần dựng lại bị treo",
            description = "Đánh dấu bỏ một lần dựng lại mà phiên bản bị dừng để lại trạng thái BUILDING.\n\n*English:* Abandon a rebuild left BUILDING by a crashed instance.")
    @POST
    @Path("/{id}/abandon")
    public Rebuild.Progress abandon(@PathParam("id") int id) {
        return rebuild.abandon(id);
    }

    @Operation(summary = "Tiến độ dựng lại",
            description = "Trạng thái và tiến độ của một lần dựng lại.\n\n*English:* Progress of a rebuild.")
    @GET
    @Path("/{id}")
    public Rebuild.Progress progress(@PathParam("id") int id) {
        return rebuild.progress(id);
    }
}
