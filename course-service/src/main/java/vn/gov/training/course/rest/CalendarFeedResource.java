package vn.gov.training.course.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.platform.calendar.CalendarFeeds;

import vn.gov.training.course.domain.CourseClass;
import vn.gov.training.course.service.CalendarSubscriptions;
import vn.gov.training.course.service.ClassCalendar;
import vn.gov.training.course.service.ClassService;

/** The public side of a calendar subscription: the secret in the path is the only credential. */
@Tag(name = "Lịch đăng ký theo dõi", description = "Địa chỉ bí mật để ứng dụng lịch theo dõi lịch lớp học, thu hồi được. / Calendar subscriptions.")
@Path(CalendarFeedResource.PATH)
@PermitAll
public class CalendarFeedResource {

    static final String PATH = "/api/calendar-feeds";

    private final CalendarSubscriptions subscriptions;
    private final ClassService classes;
    private final ClassCalendar calendar;

    CalendarFeedResource(CalendarSubscriptions subscriptions, ClassService classes, ClassCalendar calendar) {
        this.subscriptions = subscriptions;
        this.classes = classes;
        this.calendar = calendar;
    }

    @APIResponse(responseCode = "200", description = "Lịch iCalendar (RFC 5545).",
            content = {@Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING))})
    @Operation(summary = "Lịch theo địa chỉ theo dõi (iCalendar)",
            description = "Công khai, không cần token: lịch lớp của một địa chỉ theo dõi còn hiệu lực, giờ Asia/Ho_Chi_Minh kèm VTIMEZONE; địa chỉ không có hoặc đã thu hồi đều trả 404.\n\n*English:* Public, no token: the class calendar of an active subscription secret (Asia/Ho_Chi_Minh with a VTIMEZONE); an unknown or revoked secret is 404 alike.")
    @GET
    @Path("/{secret}.ics")
    @Produces("text/calendar")
    public Response feed(@PathParam("secret") String secret) {
        CourseClass c = subscriptions.classOf(secret);
        return CalendarFeeds.ok(calendar.of(c, classes.programOf(c)));
    }
}
