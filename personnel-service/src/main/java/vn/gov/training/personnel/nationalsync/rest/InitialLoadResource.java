package vn.gov.training.personnel.nationalsync.rest;

import java.net.URI;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import vn.gov.training.personnel.nationalsync.service.InitialLoads;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.web.PageResponse;

/**
 * The initial load of the national sync: an admin starts it (idempotent: while one runs, starting again answers that
 * one); the province follows its progress.
 */
@Tag(name = "Đồng bộ CSDL quốc gia")
@Path("/api/national-sync/initial-loads")
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
public class InitialLoadResource {

    private final InitialLoads loads;

    InitialLoadResource(InitialLoads loads) {
        this.loads = loads;
    }

    @APIResponse(responseCode = "202", description = "Đã bắt đầu lần nạp ban đầu; theo dõi tiến độ ở địa chỉ trong `Location`.",
            headers = @Header(name = "Location", description = "Địa chỉ của lần nạp.", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InitialLoadView.class)))
    @APIResponse(responseCode = "200", description = "Một lần nạp đang chạy: trả lại lần đó, không tạo lần mới.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InitialLoadView.class)))
    @Operation(summary = "Bắt đầu nạp ban đầu lên CSDL quốc gia",
            description = "Tạo lượt gửi cho mọi cán bộ đã có trong hồ sơ trước khi bật đồng bộ (phần cá nhân và từng trình độ còn thiếu trong hồ sơ quốc gia), chạy nền theo từng lô. Gọi lại khi đang chạy trả về lần đang chạy (200); chạy lại sau khi xong chỉ tạo các lượt còn thiếu, không bao giờ trùng. Được ghi nhật ký. Chỉ quản trị viên.\n\n*English:* Starts the initial load (admin only, audited): deliveries for every existing person whose national file lacks a section, in background batches. Idempotent: while one runs, the call answers it (200); a later run creates only what is missing.")
    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response start() {
        InitialLoads.Started started = loads.start();
        InitialLoadView view = InitialLoadView.of(started.load());
        if (!started.created()) {
            return Response.ok(view).build();
        }
        return Response.accepted(view).location(URI.create("/api/national-sync/initial-loads/" + view.id())).build();
    }

    @Operation(summary = "Danh sách các lần nạp ban đầu",
            description = "Các lần nạp ban đầu, mới nhất trước, với tiến độ (phân trang).\n\n*English:* Initial loads, newest first, with their progress (paged).")
    @GET
    public PageResponse<InitialLoadView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                              @QueryParam("size") @DefaultValue("20")
                                              @Min(value = 1, message = "{field.page-size}")
                                              @Max(value = 200, message = "{field.page-size}") int size) {
        return loads.list(page, size).map(InitialLoadView::of);
    }

    @Operation(summary = "Tiến độ một lần nạp ban đầu",
            description = "Trạng thái, số cán bộ đã xử lý trên tổng số, số lượt gửi đã tạo.\n\n*English:* One initial load: status, people done out of the total, deliveries created.")
    @GET
    @Path("/{id}")
    public InitialLoadView get(@PathParam("id") UUID id) {
        return InitialLoadView.of(loads.get(id));
    }
}
