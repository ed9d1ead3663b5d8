package vn.gov.training.enrolment.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

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

import io.quarkus.security.Authenticated;
import vn.gov.training.enrolment.service.CalendarSubscriptions;

/** Secret calendar URLs of a person: by the person, their unit's officers, admins and province managers. */
@Tag(name = "Lịch học cá nhân", description = "Địa chỉ bí mật để ứng dụng lịch theo dõi lịch học của một cán bộ, thu hồi được. / A person's calendar subscriptions.")
@Path("/api/personnel/{personnelId}/calendar-subscriptions")
@Authenticated
public class PersonCalendarSubscriptionResource {

    private final CalendarSubscriptions subscriptions;

    PersonCalendarSubscriptionResource(CalendarSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @APIResponse(responseCode = "201", description = "Đã tạo; `url` chỉ được trả về một lần.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarSubscriptionView.class))})
    @Operation(summary = "Tạo địa chỉ theo dõi lịch học cá nhân",
            description = "Tạo một địa chỉ bí mật (không cần token) để ứng dụng lịch theo dõi các buổi học của cán bộ; do chính cán bộ, cán bộ tổ chức đơn vị hoặc cấp tỉnh tạo; địa chỉ chỉ hiện một lần.\n\n*English:* Create a secret subscription URL (no token needed) for a person's class sessions; by the person, their unit's officer or the province; the URL is shown once.")
    @POST
    public Response create(@PathParam("personnelId") UUID personnelId) {
        var created = subscriptions.create(personnelId);
        return Response.created(URI.create("/api/personnel/" + personnelId + "/calendar-subscriptions/"
                        + created.subscription().id))
                .entity(CalendarSubscriptionView.of(created.subscription(), created.secret())).build();
    }

    @Operation(summary = "Danh sách địa chỉ theo dõi lịch học cá nhân",
            description = "Các địa chỉ theo dõi lịch học của cán bộ, kể cả đã thu hồi; không kèm địa chỉ bí mật.\n\n*English:* A person's calendar subscriptions, revoked ones included; secrets are not shown.")
    @GET
    public List<CalendarSubscriptionView> list(@PathParam("personnelId") UUID personnelId) {
        return subscriptions.list(personnelId).stream().map(s -> CalendarSubscriptionView.of(s, null)).toList();
    }

    @Operation(summary = "Thu hồi địa chỉ theo dõi lịch học cá nhân",
            description = "Thu hồi một địa chỉ theo dõi: từ đó địa chỉ trả về 404; thu hồi lại không thay đổi gì.\n\n*English:* Revoke a subscription: its URL answers 404 from then on; revoking again changes nothing.")
    @DELETE
    @Path("/{subscriptionId}")
    public CalendarSubscriptionView revoke(@PathParam("personnelId") UUID personnelId,
                                           @PathParam("subscriptionId") UUID subscriptionId) {
        return CalendarSubscriptionView.of(subscriptions.revoke(personnelId, subscriptionId), null);
    }
}
