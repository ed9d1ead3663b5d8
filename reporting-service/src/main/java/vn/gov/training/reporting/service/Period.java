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

    /**
     * The rows of a roll-up by month (span 'M') and calendar year (span 'Y', dated 1 January) that make up this
     * period exactly: the years it covers whole, and the months of the rest. {@code column} holds the month or year.
     */
    public Where rollupRows(String column) {
        int firstYear = from.getDayOfYear() == 1 ? from.getYear() : from.getYear() + 1;
        int lastYear = to.getMonthValue() == 12 ? to.getYear() : to.getYear() - 1;
        if (firstYear > lastYear) {
            return new Where().and("span = 'M' and " + column + " between ? and ?", from, to);
        }
        LocalDate yearsFrom = LocalDate.of(firstYear, 1, 1);
        LocalDate yearsTo = LocalDate.of(lastYear, 12, 31);
        return new Where().and("((span = 'Y' and %1$s between ? and ?) or (span = 'M' and %1$s between ? and ?"
                .formatted(column) + " and (%1$s < ? or %1$s > ?)))".formatted(column), yearsFrom, yearsTo, from, to,
                yearsFrom, yearsTo);
    }

    /** The date the units are taken as of: the end of the period, or today for an open period. */
    public LocalDate unitsAsOf() {
        LocalDate today = ProvinceTime.today();
        return to.isAfter(today) ? today : to;
    }
}
