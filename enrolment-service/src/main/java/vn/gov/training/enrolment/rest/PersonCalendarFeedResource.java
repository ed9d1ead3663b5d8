package vn.gov.training.enrolment.rest;

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

import vn.gov.training.enrolment.service.CalendarSubscriptions;
import vn.gov.training.enrolment.service.PersonCalendar;

/** The public side of a person's calendar subscription: the secret in the path is the only credential. */
@Tag(name = "Lịch học cá nhân", description = "Địa chỉ bí mật để ứng dụng lịch theo dõi lịch học của một cán bộ, thu hồi được. / A person's calendar subscriptions.")
@Path(PersonCalendarFeedResource.PATH)
@PermitAll
public class PersonCalendarFeedResource {

    static final String PATH = "/api/person-calendar-feeds";

    private final CalendarSubscriptions subscriptions;
    private final PersonCalendar calendar;

    PersonCalendarFeedResource(CalendarSubscriptions subscriptions, PersonCalendar calendar) {
        this.subscriptions = subscriptions;
        this.calendar = calendar;
    }

    @APIResponse(responseCode = "200", description = "Lịch iCalendar (RFC 5545).",
            content = {@Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING))})
    @Operation(summary = "Lịch học cá nhân theo địa chỉ theo dõi (iCalendar)",
            description = "Công khai, không cần token: các buổi học của các lớp cán bộ được duyệt, đang học hoặc đã học, giờ Asia/Ho_Chi_Minh kèm VTIMEZONE; địa chỉ không có hoặc đã thu hồi đều trả 404.\n\n*English:* Public, no token: the sessions of the person's approved, ongoing and completed classes (Asia/Ho_Chi_Minh with a VTIMEZONE); an unknown or revoked secret is 404 alike.")
    @GET
    @Path("/{secret}.ics")
    @Produces("text/calendar")
    public Response feed(@PathParam("secret") String secret) {
        return CalendarFeeds.ok(calendar.of(subscriptions.personOf(secret)));
    }
}
