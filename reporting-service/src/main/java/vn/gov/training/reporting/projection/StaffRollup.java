package vn.gov.training.reporting.projection;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the yearly minimum reads instead of every person's history:
 * <ul>
 * <li>staff_rollup and staff_change: the active staff (person_version rows not LEFT) per unit, year or month and
 * category, counted as {@link YearlyIntervals} says, so that the staff of every unit on a date is a few rows per unit
 * and the versions that start or end in that date's month;</li>
 * <li>person_year.unit_code and category: where the person was on 31 December of the year (null when not active
 * then), so the people who met the minimum are counted per unit from person_year alone.</li>
 * </ul>
 * A person's versions are taken out of staff_rollup before their history changes and put in afterwards, and their
 * person_year rows are placed again; TrainingFacts places a person_year row when it first appears.
 */
@ApplicationScoped
public class StaffRollup {

    /** The active staff: a person's versions while not LEFT, in a known unit. */
    public static final YearlyIntervals INTERVALS = new YearlyIntervals("person_version", "effective_from",
            "effective_to", "i.status <> 'LEFT' and i.unit_code is not null");

    private static final String UPSERT = Sql.adding("staff_rollup", "unit_code, year, category", "held", "opened");

    private static final String CHANGE = Sql.adding("staff_change", "unit_code, month, category", "net");

    /** What staff_rollup holds: the active staff counted by unit, year and category. */
    public static final String SUMMED = yearly("1", "true");

    /** What staff_change holds: the versions' starts less their ends, by unit, month and category. */
    public static final String SUMMED_CHANGES = monthly("1", "true");

    private static String yearly(String sign, String where) {
        return "select i.unit_code, c.year, coalesce(i.category, ''), sum(" + sign + " * c.held), sum(" + sign
                + " * c.opened) from person_version i " + INTERVALS.years() + " where " + INTERVALS.condition()
                + " and " + where + " group by 1, 2, 3";
    }

    private static String monthly(String sign, String where) {
        return "select i.unit_code, c.month, coalesce(i.category, ''), sum(" + sign + " * c.net) from person_version i "
                + INTERVALS.months() + " where " + INTERVALS.condition() + " and " + where + " group by 1, 2, 3";
    }

    /** The version of person y.personnel_id that holds 31 December of y.year, if they were active then (alias v). */
    static final String AT_YEAR_END = "v.personnel_id = y.personnel_id and v.effective_from <= make_date(y.year, 12, 31)"
            + " and (v.effective_to is null or v.effective_to > make_date(y.year, 12, 31)) and v.status <> 'LEFT'";

    /** Places the rows of person_year that {@code condition} (alias y) selects where their person was at year end. */
    private static final String PLACE = "update person_year y set unit_code = v.unit_code, category = v.category"
            + " from (select y.personnel_id, y.year, v.unit_code, v.category from person_year y"
            + " left join person_version v on " + AT_YEAR_END + " where %s) v"
            + " where y.personnel_id = v.personnel_id and y.year = v.year";

    /** Fills an empty staff_rollup and staff_change and places every person_year row (for the benchmark). */
    public static final List<String> FILL = List.of(UPSERT.formatted(SUMMED), CHANGE.formatted(SUMMED_CHANGES),
            PLACE.formatted("true"));

    private final Sql sql;

    StaffRollup(Sql sql) {
        this.sql = sql;
    }

    /** Takes out (sign -1, before their history changes) or puts in (sign 1, afterwards) these people's versions. */
    void add(Collection<UUID> people, int direction) {
        String sign = String.valueOf(direction);
        Sql.UuidArray ids = Sql.uuids(people);
        sql.update(UPSERT.formatted(yearly(sign, "i.personnel_id = any(?)")), ids);
        sql.update(CHANGE.formatted(monthly(sign, "i.personnel_id = any(?)")), ids);
    }

    /** After these people's history changed: their person_year rows are placed again. */
    void placeYears(Collection<UUID> people) {
        sql.update(PLACE.formatted("y.personnel_id = any(?)"), Sql.uuids(people));
    }
}
