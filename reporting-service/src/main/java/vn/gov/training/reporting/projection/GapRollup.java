package vn.gov.training.reporting.projection;

import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps gap_rollup: per unit, staff category, kind and level, how many planned people (not LEFT) still lack that
 * level for a planned title (plan_gap), so the succession review counts them per level from a few rows instead of
 * joining every gap with its person. A person event takes the person's gaps out before it changes anything and puts
 * them back afterwards, where and as what the person then is.
 */
@ApplicationScoped
public class GapRollup {

    /**
     * The planned people lacking each level, per unit and category ('' when unknown); alias p: person, y: their
     * distinct gaps.
     */
    private static final String COUNTED = "select coalesce(p.unit_code, ''), coalesce(p.category, ''), y.kind, y.level,"
            + " %s from person p join (select distinct personnel_id, kind, level from plan_gap %s) y"
            + " on y.personnel_id = p.personnel_id where p.planned and p.status <> 'LEFT' %s group by 1, 2, 3, 4";

    private static final String UPSERT = Sql.adding("gap_rollup", "unit_code, category, kind, level", "people");

    /** What gap_rollup holds. */
    public static final String SUMMED = COUNTED.formatted("count(*)", "", "");

    /** Fills an empty gap_rollup (for the benchmark). */
    public static final String FILL = UPSERT.formatted(SUMMED);

    private final Sql sql;

    GapRollup(Sql sql) {
        this.sql = sql;
    }

    /**
     * Takes out (sign -1, before a batch of person events changes anything) or puts in (sign 1, afterwards) the gaps
     * of these people.
     */
    void add(Collection<UUID> people, int sign) {
        Sql.UuidArray ids = Sql.uuids(people);
        sql.update(UPSERT.formatted(COUNTED.formatted(sign + " * count(*)", "where personnel_id = any(?)",
                "and p.personnel_id = any(?)")), ids, ids);
    }
}
