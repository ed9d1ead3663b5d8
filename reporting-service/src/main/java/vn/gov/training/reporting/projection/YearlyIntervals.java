package vn.gov.training.reporting.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How a roll-up by year counts intervals [from, to) on any date without reading every interval: its row of year Y
 * holds
 * <ul>
 * <li>{@code held}: the closed intervals that contain 1 January of Y;</li>
 * <li>{@code opened}: the open intervals (no end yet) that start on or after 1 January of Y; the row of
 * {@link #FIRST_YEAR} counts every open interval.</li>
 * </ul>
 * An interval touches only the years it spans (closed) or the years up to its start (open), so no row waits for a
 * year to come. The count on a date D in year Y (from {@link #FIRST_YEAR} on) is then
 * {@code held(Y) + opened(FIRST_YEAR) - opened(Y + 1)}, plus the closed intervals that start in (1 January, D], minus
 * the intervals that end in (1 January, D], minus the open ones that start after D within Y: a few rows per key and
 * the intervals that start or end in that year. Before {@link #FIRST_YEAR} the intervals are counted one by one.
 *
 * @param table     the intervals (alias i in the statements)
 * @param from      the column of their first day
 * @param to        the column of the day after their last (null while open)
 * @param condition which rows of {@code table} are intervals (alias i)
 */
public record YearlyIntervals(String table, String from, String to, String condition) {

    /** The first year with rows. */
    public static final int FIRST_YEAR = 1990;

    /** The rows an interval (alias i) counts in, as c(year, held, opened). */
    public String years() {
        return """
                cross join lateral (
                    select y, 1, 0 from generate_series(greatest(%1$d, extract(year from i.%2$s - 1)::int + 1),
                        extract(year from i.%3$s - 1)::int) y where i.%3$s is not null
                    union all
                    select y, 0, 1 from generate_series(%1$d, greatest(%1$d, extract(year from i.%2$s)::int)) y
                    where i.%3$s is null) c(year, held, opened)""".formatted(FIRST_YEAR, from, to);
    }

    /** Whether a date can be counted from the roll-up. */
    public static boolean rolledUp(LocalDate on) {
        return on.getYear() >= FIRST_YEAR;
    }

    /**
     * The count on a date per {@code keys} (columns of both the roll-up and the intervals), as rows of the keys and the
     * count: the roll-up's rows that {@code rows} selects, and the intervals that {@code intervals} selects (alias i,
     * after {@code join}, which takes {@code joinParams}).
     */
    public Statement countOn(LocalDate on, String keys, String rollup, Statement rows, String join,
                             List<Object> joinParams, Statement intervals) {
        int year = on.getYear();
        LocalDate january = LocalDate.of(year, 1, 1);
        String keysOfI = "i." + keys.replace(", ", ", i.");
        List<Object> params = new ArrayList<>(List.of(year, FIRST_YEAR, year + 1, year, year + 1, FIRST_YEAR));
        params.addAll(List.of(rows.params()));
        params.addAll(List.of(on, on));
        params.addAll(joinParams);
        params.addAll(List.of(january, january.plusYears(1)));
        params.addAll(List.of(intervals.params()));
        params.addAll(joinParams);
        params.addAll(List.of(january, on));
        params.addAll(List.of(intervals.params()));
        String sql = """
                select %1$s, sum(n) from (
                    select %1$s, case when year = ? then held else 0 end + case when year = ? then opened else 0 end
                        - case when year = ? then opened else 0 end n from %2$s where year in (?, ?, ?) and %3$s
                    union all
                    select %4$s, case when i.%6$s is not null and i.%5$s <= ? then 1
                        when i.%6$s is null and i.%5$s > ? then -1 else 0 end from %7$s i %8$s
                    where i.%5$s > ? and i.%5$s < ? and %9$s and %10$s
                    union all
                    select %4$s, -1 from %7$s i %8$s where i.%6$s > ? and i.%6$s <= ? and %9$s and %10$s) x
                group by %1$s""".formatted(keys, rollup, rows.sql(), keysOfI, from, to, table, join, condition,
                intervals.sql());
        return new Statement(sql, params.toArray());
    }

    /** A statement (or a condition) and its parameters. */
    public record Statement(String sql, Object... params) {
    }
}
