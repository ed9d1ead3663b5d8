package vn.gov.training.personnel.nationalsync.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.personnel.nationalsync.domain.CalendarDay;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Caller;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * Working days: Monday to Friday, except the public holidays and compensatory days off kept in
 * {@code working_calendar_day}, plus the Saturdays worked in exchange kept there.
 */
@ApplicationScoped
public class WorkingCalendar {

    private final AuditTrail audit;
    private final Caller caller;

    WorkingCalendar(AuditTrail audit, Caller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    public boolean isWorkingDay(LocalDate day) {
        CalendarDay special = CalendarDay.findById(day);
        return isWorkingDay(day, special == null ? null : special.kind);
    }

    private static boolean isWorkingDay(LocalDate day, CalendarDay.Kind special) {
        if (special != null) {
            return special == CalendarDay.Kind.WORKING_DAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The {@code workingDays}-th working day after {@code from} (not counting {@code from} itself). */
    public LocalDate addWorkingDays(LocalDate from, int workingDays) {
        // a year's special days in one query; 3 working days never span more than the longest Tết break and a weekend
        Map<LocalDate, CalendarDay.Kind> special = new HashMap<>();
        for (CalendarDay d : CalendarDay.between(from, from.plusDays(30L + workingDays * 3L))) {
            special.put(d.day, d.kind);
        }
        LocalDate day = from;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day, special.get(day))) {
                counted++;
            }
        }
        return day;
    }

    /** Adds or replaces a special day; audited. */
    @Transactional
    public CalendarDay save(LocalDate day, CalendarDay.Kind kind, String name) {
        CalendarDay existing = CalendarDay.findById(day);
        Map<String, Object> before = existing == null ? null : snapshot(existing);
        CalendarDay d = existing != null ? existing : new CalendarDay();
        d.day = day;
        d.kind = kind;
        d.name = name.strip();
        d.updatedBy = caller.name();
        d.updatedAt = ProvinceTime.now();
        if (existing == null) {
            d.persist();
        }
        audit.record("working-calendar-day", day, existing == null ? "created" : "changed", before, snapshot(d));
        return d;
    }

    /** Removes a special day (the day follows the weekday rule again); audited. */
    @Transactional
    public void remove(LocalDate day) {
        CalendarDay existing = CalendarDay.findById(day);
        if (existing == null) {
            throw ProblemException.notFound("not-found");
        }
        Map<String, Object> before = snapshot(existing);
        existing.delete();
        audit.record("working-calendar-day", day, "removed", before, null);
    }

    private static Map<String, Object> snapshot(CalendarDay d) {
        return Map.of("day", d.day.toString(), "kind", d.kind.name(), "name", d.name);
    }
}
