package vn.gov.training.reporting.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How a roll-up counts intervals [from, to) on any date without reading every interval. Its rows by year hold
 * <ul>
 * <li>{@code held}: the closed intervals that contain 31 December of the year before;</li>
 * <li>{@code opened}: the open intervals (no end yet) that start on or after 1 January of the year; the row of
 * {@code FIRST_YEAR - 1} counts every open interval;</li>
 * </ul>
 * and its rows by month ({@code <roll-up>_change}) hold {@code net}: the intervals that start in the month minus
 * those that end in it. A closed interval touches the years it spans and two months, an open one the years up to its
 * start and one month, so no row waits for a year to come. The count on a date D of year Y (from {@link #FIRST_YEAR}
 * on) is then {@code held(Y) + opened(FIRST_YEAR - 1) - opened(Y)} (the count at the end of the year before), plus
 * {@code net} of the months of Y before D's month, plus the intervals that start from the first of D's month to D,
 * minus those that end then: a few rows per key and at most a month of intervals. Before {@link #FIRST_YEAR} the
 * intervals are counted one by one.
 *
 * @param table     the intervals (alias i in the statements)
 * @param from      the column of their first day
 * @param to        the column of the day after their last (null while open)
 * @param condition which rows of {@code table} are intervals (alias i)
 */
public record YearlyIntervals(String table, String from, String to, String condition) {

    /** The first year with rows. */
    public static final int FIRST_YEAR = 1990;

    /** Whether a date can be counted from the roll-up. */
    public static boolean rolledUp(LocalDate on) {
        return on.getYear() >= FIRST_YEAR;
    }

    /** The yearly rows an interval (alias i) counts in, as c(year, held, opened). */
    public String years() {
        return """
                cross join lateral (
                    select y, 1, 0 from generate_series(greatest(%1$d, extract(year from i.%3$s)::int + 1),
                        extract(year from i.%4$s)::int) y where i.%4$s is not null
                    union all
                    select y, 0, 1 from generate_series(%2$d, greatest(%2$d, extract(year from i.%3$s)::int)) y
                    where i.%4$s is null) c(year, held, opened)""".formatted(FIRST_YEAR, FIRST_YEAR - 1, from, to);
    }

    /** The monthly rows an interval (alias i) counts in, as c(month, net): +1 where it starts, -1 where it ends. */
    public String months() {
        return """
                cross join lateral (
                    select date_trunc('month', i.%2$s)::date, 1 where i.%2$s >= date '%1$d-01-01'
                    union all
                    select date_trunc('month', i.%3$s)::date, -1 where i.%3$s >= date '%1$d-01-01') c(month, net)"""
                .formatted(FIRST_YEAR, from, to);
    }

    /**
     * The count on a date per {@code keys} (columns of the roll-up, its changes and the intervals), as rows of the keys
     * and the count: the rows of {@code rollup} and {@code changes} that {@code rows} selects, and the intervals that
     * {@code intervals} selects (alias i, after {@code join}, which takes {@code joinParams}).
     */
    public Statement countOn(LocalDate on, String keys, String rollup, String changes, Statement rows, String join,
                             List<Object> joinParams, Statement intervals) {
        int year = on.getYear();
        LocalDate january = LocalDate.of(year, 1, 1);
        LocalDate month = on.withDayOfMonth(1);
        String keysOfI = "i." + keys.replace(", ", ", i.");
        List<Object> params = new ArrayList<>(List.of(year, FIRST_YEAR - 1, year, year, FIRST_YEAR - 1));
        params.addAll(List.of(rows.params()));
        params.addAll(List.of(january, month));
        params.addAll(List.of(rows.params()));
        for (int bound = 0; bound < 2; bound++) { // starts, then ends
            params.addAll(joinParams);
            params.addAll(List.of(month, on));
            params.addAll(List.of(intervals.params()));
        }
        String sql = """
                select %1$s, sum(n) from (
                    select %1$s, case when year = ? then held else 0 end + case when year = ? then opened else 0 end
                        - case when year = ? then opened else 0 end n from %2$s where year in (?, ?) and %3$s
                    union all
                    select %1$s, net from %4$s where month >= ? and month < ? and %3$s
                    union all
                    select %5$s, 1 from %6$s i %7$s where i.%8$s >= ? and i.%8$s <= ? and %10$s and %11$s
                    union all
                    select %5$s, -1 from %6$s i %7$s where i.%9$s >= ? and i.%9$s <= ? and %10$s and %11$s) x
                group by %1$s""".formatted(keys, rollup, rows.sql(), changes, keysOfI, table, join, from, to,
                condition, intervals.sql());
        return new Statement(sql, params.toArray());
    }

    /** A statement (or a condition) and its parameters. */
    public record Statement(String sql, Object... params) {
    }
}
