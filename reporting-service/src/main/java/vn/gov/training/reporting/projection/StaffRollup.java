package vn.gov.training.reporting.projection;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the yearly minimum reads instead of every person's history:
 * <ul>
 * <li>staff_rollup: the active staff (person_version rows not LEFT) per unit, year and category, counted as
 * {@link YearlyIntervals} says, so that the staff of every unit on a date is a few rows per unit and the versions
 * that start or end in that year;</li>
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

    private static final String KEY = "unit_code, year, category";

    private static final String UPSERT = "insert into staff_rollup (" + KEY + ", held, opened) %s on conflict (" + KEY
            + ") do update set held = staff_rollup.held + excluded.held, opened = staff_rollup.opened + excluded.opened";

    private static final String COUNTED = "select i.unit_code, c.year, coalesce(i.category, ''), sum(%1$sc.held),"
            + " sum(%1$sc.opened) from person_version i " + INTERVALS.years() + " where " + INTERVALS.condition()
            + " %2$s group by 1, 2, 3";

    /** What staff_rollup holds: the active staff counted by unit, year and category. */
    public static final String SUMMED = COUNTED.formatted("", "");

    /** The version of person y.personnel_id that holds 31 December of y.year, if they were active then (alias v). */
    static final String AT_YEAR_END = "v.personnel_id = y.personnel_id and v.effective_from <= make_date(y.year, 12, 31)"
            + " and (v.effective_to is null or v.effective_to > make_date(y.year, 12, 31)) and v.status <> 'LEFT'";

    /** Places the rows of person_year that {@code condition} (alias y) selects where their person was at year end. */
    private static final String PLACE = "update person_year y set unit_code = v.unit_code, category = v.category"
            + " from (select y.personnel_id, y.year, v.unit_code, v.category from person_year y"
            + " left join person_version v on " + AT_YEAR_END + " where %s) v"
            + " where y.personnel_id = v.personnel_id and y.year = v.year";

    /** Fills an empty staff_rollup and places every person_year row (migration V12 and the benchmark). */
    public static final List<String> FILL = List.of(UPSERT.formatted(SUMMED), PLACE.formatted("true"));

    private final Sql sql;

    StaffRollup(Sql sql) {
        this.sql = sql;
    }

    /** Takes out (sign -1, before the history changes) or puts in (sign 1, afterwards) a person's versions. */
    void add(UUID personnelId, int sign) {
        sql.update(UPSERT.formatted(COUNTED.formatted("? * ", "and i.personnel_id = ?")), sign, sign, personnelId);
    }

    /** After a person's history changed: their person_year rows are placed again. */
    void placeYears(UUID personnelId) {
        sql.update(PLACE.formatted("y.personnel_id = ?"), personnelId);
    }
}
