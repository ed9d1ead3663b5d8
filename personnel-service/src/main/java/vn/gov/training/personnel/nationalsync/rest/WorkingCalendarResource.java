package vn.gov.training.personnel.nationalsync.rest;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import vn.gov.training.personnel.nationalsync.domain.CalendarDay;
import vn.gov.training.personnel.nationalsync.service.SyncClock;
import vn.gov.training.personnel.nationalsync.service.WorkingCalendar;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Roles;

/**
 * The working-day calendar of the national-sync deadlines: public holidays, compensatory days off and Saturdays worked
 * in exchange, read by the province, kept by an admin (audited); and the deadline of a change recorded on a day.
 */
@Tag(name = "Đồng bộ CSDL quốc gia")
@Path("/api/national-sync/calendar")
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
public class WorkingCalendarResource {

    public record DayView(LocalDate day, String kind, String name, String updatedBy) {
        static DayView of(CalendarDay d) {
            return new DayView(d.day, d.kind.name(), d.name, d.updatedBy);
        }
    }

    public record SaveDay(@NotNull(message = "{field.required}") CalendarDay.Kind kind,
                          @NotBlank(message = "{field.required}") @Size(max = 200) String name) {
    }

    public record Deadline(LocalDate recordedOn, int workingDays, LocalDate deadline) {
    }

    private final WorkingCalendar calendar;
    private final SyncClock clock;

    WorkingCalendarResource(WorkingCalendar calendar, SyncClock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The special days of a year (default: this year). */
    @Operation(summary = "Lịch ngày nghỉ, ngày làm bù",
            description = "Các ngày nghỉ lễ, Tết và ngày làm bù của một năm, dùng để tính hạn 3 ngày làm việc.\n\n*English:* Public holidays and compensatory working days of a year, used for the 3-working-day deadline.")
    @GET
    public List<DayView> year(@QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        int y = year != null ? year : clock.today().getYear();
        return CalendarDay.between(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)).stream().map(DayView::of).toList();
    }

    @Operation(summary = "Đặt ngày nghỉ hoặc ngày làm bù",
            description = "Thêm hoặc sửa một ngày của lịch (quản trị); được ghi nhật ký.\n\n*English:* Add or change a day of the calendar (admin, audited).")
    @PUT
    @Path("/{day}")
    @RolesAllowed(Roles.ADMIN)
    public DayView save(@PathParam("day") LocalDate day, @Valid @NotNull SaveDay request) {
        return DayView.of(calendar.save(day, request.kind(), request.name()));
    }

    @Operation(summary = "Xoá một ngày khỏi lịch",
            description = "Xoá một ngày nghỉ hoặc ngày làm bù (quản trị); được ghi nhật ký.\n\n*English:* Remove a day from the calendar (admin, audited).")
    @APIResponse(responseCode = "204", description = "Đã xoá.")
    @DELETE
    @Path("/{day}")
    @RolesAllowed(Roles.ADMIN)
    public Response remove(@PathParam("day") LocalDate day) {
        calendar.remove(day);
        return Response.noContent().build();
    }

    /** The deadline of a change recorded on {@code from} (default: today): {@code workingDays} (3) working days on. */
    @Operation(summary = "Tính hạn gửi",
            description = "Hạn sau một số ngày làm việc kể từ một ngày, theo lịch ngày nghỉ.\n\n*English:* The deadline a number of working days after a date, per the holiday calendar.")
    @GET
    @Path("/deadline")
    public Deadline deadline(@QueryParam("from") LocalDate from,
                             @QueryParam("workingDays") @DefaultValue("3") @Min(1) @Max(60) int workingDays) {
        LocalDate start = from != null ? from : clock.today();
        return new Deadline(start, workingDays, calendar.addWorkingDays(start, workingDays));
    }

    static void requireSettable(SyncClock clock) {
        if (!clock.settable()) {
            throw ProblemException.notFound("not-found");
        }
    }
}
