package vn.gov.training.reporting.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.web.PageResponse;
import vn.gov.training.reporting.webhook.WebhookSubscriptions;

/**
 * Webhook subscriptions: the change feed pushed to a caller's URL. The callers of the feed manage their own
 * subscriptions (admins every one); the delivery log of each is readable here.
 */
@Tag(name = "Webhook", description = "Đăng ký nhận các sự kiện của luồng thay đổi qua HTTP (CloudEvents chế độ nhị phân, ký HMAC, gửi lại khi lỗi), nhật ký gửi. / Webhook subscriptions to the change feed and their delivery log.")
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INTEGRATION, Roles.LEADER, Roles.UNIT_OFFICER})
public class WebhookResource {

    /** What a caller sends to make or change a subscription. */
    @Schema(name = "WebhookRequest", description = "Đăng ký webhook cần tạo hoặc sửa. / A subscription to make or change.")
    public record WebhookRequest(
            @Schema(description = "Tên gợi nhớ (tối đa 200 ký tự).", examples = "Hệ thống Sở Nội vụ", required = true) String name,
            @Schema(description = "Địa chỉ nhận: URL https tới máy chủ công khai (http chỉ cho loopback khi chạy thử); không được trỏ vào mạng nội bộ trừ máy chủ có trong danh sách cho phép.", examples = "https://he-thong-so-noi-vu.example.gov.vn/webhooks/training", required = true) String targetUrl,
            @Schema(description = "Tiền tố kiểu sự kiện (tối đa 20; bỏ trống: mọi kiểu).") List<String> types,
            @Schema(description = "false: tạm dừng (mặc định true).") Boolean active) {

        WebhookSubscriptions.Request toRequest() {
            return new WebhookSubscriptions.Request(name, targetUrl, types, active);
        }
    }

    private final WebhookSubscriptions subscriptions;

    WebhookResource(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Operation(summary = "Danh sách đăng ký webhook",
            description = "Các đăng ký webhook của người gọi (quản trị viên: của mọi người), phân trang.\n\n*English:* The caller's webhook subscriptions (admins: everyone's), paged.")
    @GET
    public PageResponse<WebhookView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                          @QueryParam("size") @DefaultValue("20")
                                          @Min(value = 1, message = "{field.page-size}")
                                          @Max(value = 200, message = "{field.page-size}") int size) {
        return subscriptions.list(page, size).map(s -> WebhookView.of(s, false));
    }

    @APIResponse(responseCode = "201", description = "Đã tạo; `secret` chỉ được trả về lần này.",
            headers = @Header(name = "Location", description = "Địa chỉ của đăng ký.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @Operation(summary = "Tạo đăng ký webhook",
            description = "Đăng ký nhận các sự kiện của luồng thay đổi (`GET /api/feed`) ghi nhận từ nay, lọc theo tiền tố kiểu và theo phạm vi đơn vị của người gọi (như luồng thay đổi), gửi tới `targetUrl` bằng POST theo CloudEvents chế độ nhị phân (tiêu đề `ce-*`, thân là dữ liệu JSON), ký HMAC-SHA256 theo Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`), theo đúng thứ tự, gửi lại với thời gian chờ tăng dần khi bên nhận không trả 2xx. Khóa ký `secret` chỉ có trong câu trả lời này. Được ghi nhật ký.\n\n*English:* Subscribe to the change feed's events from now on, filtered by type prefixes and the caller's scope, POSTed to `targetUrl` as binary-mode CloudEvents signed with HMAC-SHA256 (Standard Webhooks headers), in order, retried with back-off. The `secret` is returned only here. Audited.")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull WebhookRequest request) {
        WebhookView view = WebhookView.of(subscriptions.create(request.toRequest()), true);
        return Response.created(URI.create("/api/webhooks/" + view.id())).entity(view).build();
    }

    @Operation(summary = "Xem một đăng ký webhook",
            description = "Đăng ký, vị trí đã gửi tới, số lần lỗi và lỗi gần nhất. Đăng ký của người khác trả 404.\n\n*English:* One subscription with its cursor, failed attempts and last error; someone else's is 404.")
    @GET
    @Path("/{id}")
    public WebhookView get(@PathParam("id") UUID id) {
        return WebhookView.of(subscriptions.get(id), false);
    }

    @Operation(summary = "Sửa đăng ký webhook",
            description = "Đổi tên, địa chỉ nhận, tiền tố kiểu, tạm dừng hoặc chạy lại (`active`); lần gửi kế tiếp được thử ngay. Được ghi nhật ký.\n\n*English:* Change name, target, type prefixes or pause/resume (`active`); the next attempt is due at once. Audited.")
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public WebhookView update(@PathParam("id") UUID id, @NotNull WebhookRequest request) {
        return WebhookView.of(subscriptions.update(id, request.toRequest()), false);
    }

    @APIResponse(responseCode = "204", description = "Đã xóa.")
    @Operation(summary = "Xóa đăng ký webhook",
            description = "Xóa đăng ký và nhật ký gửi của nó; không gửi gì thêm. Được ghi nhật ký.\n\n*English:* Delete the subscription and its delivery log; nothing more is sent. Audited.")
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(id);
        return Response.noContent().build();
    }

    @Operation(summary = "Đổi khóa ký webhook",
            description = "Tạo khóa ký mới (trả về một lần, trong `secret`); từ lúc này các yêu cầu được ký bằng khóa mới. Được ghi nhật ký.\n\n*English:* Rotate the signing secret (returned once, in `secret`); requests are signed with it from now on. Audited.")
    @POST
    @Path("/{id}/secret")
    public WebhookView rotateSecret(@PathParam("id") UUID id) {
        return WebhookView.of(subscriptions.rotateSecret(id), true);
    }

    @Operation(summary = "Nhật ký gửi webhook",
            description = "Mỗi lần gửi một sự kiện tới đăng ký (mới nhất trước): sự kiện, lần thử, kết quả (DELIVERED, FAILED, EXPIRED: sự kiện đã hết thời hạn lưu giữ trước khi gửi được), mã HTTP, lỗi, thời gian.\n\n*English:* The subscription's delivery log, newest first: event, attempt, outcome (DELIVERED, FAILED, EXPIRED), HTTP status, error, duration.")
    @GET
    @Path("/{id}/deliveries")
    public PageResponse<WebhookSubscriptions.Delivery> deliveries(@PathParam("id") UUID id,
                                                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                                  @QueryParam("size") @DefaultValue("50")
                                                                  @Min(value = 1, message = "{field.page-size}")
                                                                  @Max(value = 200, message = "{field.page-size}") int size) {
        return subscriptions.deliveries(id, page, size);
    }
}
