package vn.gov.training.personnel.nationalsync.service;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * The province's date as the national sync sees it: when a change is recorded, when its deadline passes. Tests of
 * deadlines across holidays set it ({@code training.national-sync.settable-clock=true}: the test profile and the test
 * stack only); everywhere else it is {@link ProvinceTime#today()}.
 */
@ApplicationScoped
public class SyncClock {

    private final boolean settable;
    private volatile LocalDate fixed;

    SyncClock(@ConfigProperty(name = "training.national-sync.settable-clock", defaultValue = "false") boolean settable) {
        this.settable = settable;
    }

    public LocalDate today() {
        LocalDate f = fixed;
        return f != null ? f : ProvinceTime.today();
    }

    public boolean settable() {
        return settable;
    }

    /** Sets (or with null, clears) the date; refused unless the clock is settable. */
    public void set(LocalDate today) {
        if (!settable) {
            throw ProblemException.notFound("not-found");
        }
        fixed = today;
    }
}
