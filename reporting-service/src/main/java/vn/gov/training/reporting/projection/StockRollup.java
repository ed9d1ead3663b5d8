package vn.gov.training.reporting.projection;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps stock_rollup: the qualification stock (stock_interval) per anchor (as in training_rollup), year, category,
 * kind and level, counted as {@link YearlyIntervals} says, so that the stock of a wide scope on any date reads a few
 * rows per anchor and the intervals that start or end in that date's year instead of every interval. A person's
 * intervals are taken out before they change and put in afterwards; units that move to another anchor take theirs
 * along.
 */
@ApplicationScoped
public class StockRollup {

    /** The intervals of the qualification stock. */
    public static final YearlyIntervals INTERVALS = new YearlyIntervals("stock_interval", "valid_from", "valid_to",
            "true");

    private static final String KEY = "anchor_code, year, category, kind, level";

    private static final String UPSERT = "insert into stock_rollup (" + KEY + ", held, opened) %s on conflict (" + KEY
            + ") do update set held = stock_rollup.held + excluded.held, opened = stock_rollup.opened + excluded.opened";

    private static final String YEARS = INTERVALS.years();

    private static final String ANCHORED = " from stock_interval i join rollup_unit m on m.unit_code = i.unit_code ";

    /** What stock_rollup holds: the intervals counted by anchor, year, category, kind and level. */
    public static final String SUMMED = "select m.anchor_code, c.year, i.category, i.kind, i.level, sum(c.held),"
            + " sum(c.opened)" + ANCHORED + YEARS + " group by 1, 2, 3, 4, 5";

    /** Fills an empty stock_rollup from stock_interval (migration V11 and the benchmark), anchoring units first. */
    public static final List<String> FILL = List.of(
            "insert into rollup_unit (unit_code, anchor_code) " + TrainingRollup.anchorsOf(
                    "select distinct i.unit_code from stock_interval i where not exists"
                            + " (select 1 from rollup_unit m where m.unit_code = i.unit_code)"),
            UPSERT.formatted(SUMMED));

    private final Sql sql;

    StockRollup(Sql sql) {
        this.sql = sql;
    }

    /**
     * Takes out (sign -1, before they change) or puts in (sign 1, afterwards) a person's intervals; their units get
     * an anchor first if they have none. Called under TrainingRollup.enter, so no move between anchors interleaves.
     */
    void add(UUID personnelId, int sign) {
        if (sign > 0) {
            sql.update("insert into rollup_unit (unit_code, anchor_code) " + TrainingRollup.anchorsOf(
                    "select distinct i.unit_code from stock_interval i where i.personnel_id = ? and not exists"
                            + " (select 1 from rollup_unit m where m.unit_code = i.unit_code)")
                    + " on conflict (unit_code) do nothing", personnelId);
        }
        sql.update(UPSERT.formatted("select m.anchor_code, c.year, i.category, i.kind, i.level, sum(? * c.held),"
                + " sum(? * c.opened)" + ANCHORED + YEARS + " where i.personnel_id = ? group by 1, 2, 3, 4, 5"),
                sign, sign, personnelId);
    }

    /** Before {@code units} move to {@code anchor} (rollup_unit still names their old anchors): their stock moves. */
    void move(List<String> units, String anchor) {
        sql.update(UPSERT.formatted("select x.anchor_code, c.year, i.category, i.kind, i.level, sum(x.sign * c.held),"
                + " sum(x.sign * c.opened)" + ANCHORED
                + " cross join lateral (values (m.anchor_code, -1), (cast(? as varchar), 1)) x(anchor_code, sign) "
                + YEARS + " where i.unit_code = any(?) group by 1, 2, 3, 4, 5"), anchor, Sql.texts(units));
    }
}
