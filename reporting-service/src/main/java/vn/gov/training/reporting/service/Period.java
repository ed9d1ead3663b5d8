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
     * The rows of a roll-up by month (span 'M'), quarter (span 'Q', dated its first day) and calendar year (span 'Y',
     * dated 1 January) that make up this period exactly: the years it covers whole, the quarters it covers whole
     * outside them, and the months of the rest. {@code column} holds the month, quarter or year.
     */
    public Where rollupRows(String column) {
        LocalDate quartersFrom = from.getMonthValue() % 3 == 1 ? from
                : from.withMonth((from.getMonthValue() - 1) / 3 * 3 + 1).plusMonths(3);
        LocalDate quartersTo = to.getMonthValue() % 3 == 0 ? to
                : to.withDayOfMonth(1).withMonth((to.getMonthValue() - 1) / 3 * 3 + 1).minusDays(1);
        if (quartersFrom.isAfter(quartersTo)) {
            return new Where().and("span = 'M' and " + column + " between ? and ?", from, to);
        }
        LocalDate yearsFrom = from.getDayOfYear() == 1 ? from : LocalDate.of(from.getYear() + 1, 1, 1);
        LocalDate yearsTo = to.getMonthValue() == 12 ? to : LocalDate.of(to.getYear() - 1, 12, 31);
        String months = "(span = 'M' and %1$s between ? and ? and not %1$s between ? and ?)".formatted(column);
        if (yearsFrom.isAfter(yearsTo)) {
            return new Where().and("((span = 'Q' and %s between ? and ?) or %s)".formatted(column, months),
                    quartersFrom, quartersTo, from, to, quartersFrom, quartersTo);
        }
        return new Where().and(("((span = 'Y' and %1$s between ? and ?)"
                + " or (span = 'Q' and %1$s between ? and ? and not %1$s between ? and ?) or %2$s)")
                .formatted(column, months), yearsFrom, yearsTo, quartersFrom, quartersTo, yearsFrom, yearsTo, from, to,
                quartersFrom, quartersTo);
    }

    /** The date the units are taken as of: the end of the period, or today for an open period. */
    public LocalDate unitsAsOf() {
        LocalDate today = ProvinceTime.today();
        return to.isAfter(today) ? today : to;
    }
}
