package vn.gov.training.personnel.nationalsync.rest;

import java.time.LocalDate;

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

    @GET
    public ClockView get() {
        WorkingCalendarResource.requireSettable(clock);
        return new ClockView(clock.today(), true);
    }

    @PUT
    public ClockView set(@Valid @NotNull SetClock request) {
        clock.set(request.today());
        return new ClockView(clock.today(), true);
    }

    @DELETE
    public ClockView reset() {
        clock.set(null);
        return new ClockView(clock.today(), true);
    }
}
