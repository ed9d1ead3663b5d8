package vn.gov.training.personnel.nationalsync.rest;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import vn.gov.training.personnel.nationalsync.service.SyncClock;
import vn.gov.training.platform.security.Roles;

/**
 * The national sync's date, for tests of deadlines across holidays: answers 404 unless
 * {@code training.national-sync.settable-clock} is on (the test profile and the test stack only).
 */
@Tag(name = "Đồng bộ CSDL quốc gia")
@Path("/api/national-sync/clock")
@RolesAllowed(Roles.ADMIN)
public class SyncClockResource {

    public record ClockView(LocalDate today, boolean settable) {
    }

    public record SetClock(@NotNull(message = "{field.required}") LocalDate today) {
    }

    private final SyncClock clock;

    SyncClockResource(SyncClock clock) {
        this.clock = clock;
    }

    @Operation(summary = "Xem ngày của bộ đồng bộ (kiểm thử)",
            description = "Ngày hiện hành mà bộ đồng bộ dùng để tính hạn; chỉ đặt được trong môi trường kiểm thử (404 nếu không bật).\n\n*English:* The sync's current date (settable in test stacks only; 404 otherwise).")
    @GET
    public ClockView get() {
        WorkingCalendarResource.requireSettable(clock);
        return new ClockView(clock.today(), true);
    }

    @Operation(summary = "Đặt ngày của bộ đồng bộ (kiểm thử)",
            description = "Đặt ngày hiện hành của bộ đồng bộ để kiểm thử hạn gửi; 404 nếu không bật.\n\n*English:* Set the sync's date for tests; 404 unless enabled.")
    @PUT
    public ClockView set(@Valid @NotNull SetClock request) {
        clock.set(request.today());
        return new ClockView(clock.today(), true);
    }

    @Operation(summary = "Trả ngày của bộ đồng bộ về hôm nay (kiểm thử)",
            description = "Bỏ ngày đã đặt; 404 nếu không bật.\n\n*English:* Back to today's date; 404 unless enabled.")
    @DELETE
    public ClockView reset() {
        clock.set(null);
        return new ClockView(clock.today(), true);
    }
}
