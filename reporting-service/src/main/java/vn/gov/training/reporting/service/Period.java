package vn.gov.training.reporting.service;

import java.time.LocalDate;
import java.time.YearMonth;

import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.time.ProvinceTime;

/** A reporting period in whole months: training turns count in the month their class starts. */
public record Period(LocalDate from, LocalDate to) {

    public static Period of(LocalDate from, LocalDate to) {
        LocalDate start = from != null ? from.withDayOfMonth(1) : LocalDate.of(1900, 1, 1);
        LocalDate end = to != null ? YearMonth.from(to).atEndOfMonth() : LocalDate.of(9999, 12, 31);
        if (end.isBefore(start)) {
            throw ProblemException.invalid("period-invalid", from, to);
        }
        return new Period(start, end);
    }

    public static Period year(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** The date the units are taken as of: the end of the period, or today for an open period. */
    public LocalDate unitsAsOf() {
        LocalDate today = ProvinceTime.today();
        return to.isAfter(today) ? today : to;
    }
}
