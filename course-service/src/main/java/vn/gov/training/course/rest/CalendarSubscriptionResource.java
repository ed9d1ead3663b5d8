package vn.gov.training.course.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.course.service.CalendarSubscriptions;
import vn.gov.training.platform.security.Roles;

/**
 * Secret calendar URLs of a class: created by whoever may read the class (not integration clients), listed and
 * revoked by their creator, admins and province managers.
 */
@Tag(name = "Lịch đăng ký theo dõi", description = "Địa chỉ bí mật để ứng dụng lịch theo dõi lịch lớp học, thu hồi được. / Calendar subscriptions.")
@Path("/api/classes/{id}/calendar-subscriptions")
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER, Roles.INSTITUTION_STAFF, Roles.LEADER,
        Roles.STAFF})
public class CalendarSubscriptionResource {

    private final CalendarSubscriptions subscriptions;

    CalendarSubscriptionResource(CalendarSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @APIResponse(responseCode = "201", description = "Đã tạo; `url` chỉ được trả về một lần.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarSubscriptionView.class))})
    @Operation(summary = "Tạo địa chỉ theo dõi lịch lớp",
            description = "Tạo một địa chỉ bí mật (không cần token) để ứng dụng lịch theo dõi lịch lớp; địa chỉ chỉ hiện một lần, hệ thống chỉ lưu mã băm.\n\n*English:* Create a secret subscription URL (no token needed) for the class's calendar; the URL is shown once, only its hash is stored.")
    @POST
    public Response create(@PathParam("id") UUID id) {
        var created = subscriptions.create(id);
        return Response.created(URI.create("/api/classes/" + id + "/calendar-subscriptions/" + created.subscription().id))
                .entity(CalendarSubscriptionView.of(created.subscription(), created.secret())).build();
    }

    @Operation(summary = "Danh sách địa chỉ theo dõi lịch lớp",
            description = "Các địa chỉ theo dõi lịch của lớp do người gọi tạo (quản trị, lãnh đạo tỉnh: tất cả), kể cả đã thu hồi; không kèm địa chỉ bí mật.\n\n*English:* The class's calendar subscriptions the caller created (admins and province managers: all), revoked ones included; secrets are not shown.")
    @GET
    public List<CalendarSubscriptionView> list(@PathParam("id") UUID id) {
        return subscriptions.list(id).stream().map(s -> CalendarSubscriptionView.of(s, null)).toList();
    }

    @Operation(summary = "Thu hồi địa chỉ theo dõi lịch lớp",
            description = "Thu hồi một địa chỉ theo dõi: từ đó địa chỉ trả về 404; thu hồi lại không thay đổi gì.\n\n*English:* Revoke a subscription: its URL answers 404 from then on; revoking again changes nothing.")
    @DELETE
    @Path("/{subscriptionId}")
    public CalendarSubscriptionView revoke(@PathParam("id") UUID id, @PathParam("subscriptionId") UUID subscriptionId) {
        return CalendarSubscriptionView.of(subscriptions.revoke(id, subscriptionId), null);
    }
}
