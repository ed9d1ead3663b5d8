package vn.gov.training.reporting.projection;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps stock_rollup and stock_change: the qualification stock (stock_interval) per anchor (as in training_rollup),
 * year or month, category, kind and level, counted as {@link YearlyIntervals} says, so that the stock of a wide scope
 * on any date reads a few rows per anchor and the intervals that start or end in that date's month instead of every
 * interval. A person's
 * intervals are taken out before they change and put in afterwards; units that move to another anchor take theirs
 * along.
 */
@ApplicationScoped
public class StockRollup {

    /** The intervals of the qualification stock. */
    public static final YearlyIntervals INTERVALS = new YearlyIntervals("stock_interval", "valid_from", "valid_to",
            "true");

    private static final String UPSERT = Sql.adding("stock_rollup", "anchor_code, year, category, kind, level", "held",
            "opened");

    private static final String CHANGE = Sql.adding("stock_change", "anchor_code, month, category, kind, level", "net");

    /** The stored intervals, as the statements below name them (alias i). */
    private static final String STORED = "stock_interval i";

    private static final String ANCHORED = anchored(STORED);

    private static String anchored(String intervals) {
        return " from " + intervals + " join rollup_unit m on m.unit_code = i.unit_code ";
    }

    /**
     * The yearly and monthly rows of the {@code intervals} (alias i) that {@code where} selects, each counted
     * {@code sign} times, in the anchor {@code anchor} (an expression of m and x); {@code join} may add rows to the
     * intervals (x).
     */
    private static List<String> sums(String intervals, String anchor, String sign, String join, String where) {
        return List.of(UPSERT.formatted("select " + anchor + ", c.year, i.category, i.kind, i.level, sum(" + sign
                        + " * c.held), sum(" + sign + " * c.opened)" + anchored(intervals) + join + INTERVALS.years()
                        + " where " + where + " group by 1, 2, 3, 4, 5"),
                CHANGE.formatted("select " + anchor + ", c.month, i.category, i.kind, i.level, sum(" + sign
                        + " * c.net)" + anchored(intervals) + join + INTERVALS.months() + " where " + where
                        + " group by 1, 2, 3, 4, 5"));
    }

    /** What stock_rollup holds: the intervals counted by anchor, year, category, kind and level. */
    public static final String SUMMED = "select m.anchor_code, c.year, i.category, i.kind, i.level, sum(c.held),"
            + " sum(c.opened)" + ANCHORED + INTERVALS.years() + " group by 1, 2, 3, 4, 5";

    /** What stock_change holds: the intervals' starts less their ends, by anchor, month, category, kind and level. */
    public static final String SUMMED_CHANGES = "select m.anchor_code, c.month, i.category, i.kind, i.level,"
            + " sum(c.net)" + ANCHORED + INTERVALS.months() + " group by 1, 2, 3, 4, 5";

    /** Fills an empty stock_rollup and stock_change (for the benchmark), anchoring units first. */
    public static final List<String> FILL = Stream.concat(Stream.of(
            "insert into rollup_unit (unit_code, anchor_code) " + TrainingRollup.anchorsOf(
                    "select distinct i.unit_code from stock_interval i where not exists"
                            + " (select 1 from rollup_unit m where m.unit_code = i.unit_code)")),
            sums(STORED, "m.anchor_code", "1", "", "true").stream()).toList();

    private final Sql sql;

    StockRollup(Sql sql) {
        this.sql = sql;
    }

    /**
     * Takes out (sign -1, before they change) or puts in (sign 1, afterwards) these people's intervals; their units get
     * an anchor first if they have none. Called under TrainingRollup.enter, so no move between anchors interleaves.
     */
    void add(Collection<UUID> people, int sign) {
        add(STORED, "i.personnel_id = any(?)", new Object[] {Sql.uuids(people)}, sign);
    }

    /**
     * Like {@link #add(Collection, int)} for exactly the intervals that {@code intervals} names, which are stored
     * (read or written under their people's locks): counted from the names, so stock_interval is not searched for
     * them. (Searched, a plan cached while the tables were small looked up each name among every interval of its
     * unit: 0.4 to 15 s a statement during a fresh read model's first import.)
     */
    void add(PersonStock.Named intervals, int sign) {
        add(PersonStock.Named.ROWS, "true", intervals.rowParams(), sign);
    }

    private void add(String intervals, String where, Object[] params, int sign) {
        if (sign > 0) {
            sql.update("insert into rollup_unit (unit_code, anchor_code) " + TrainingRollup.anchorsOf(
                    "select distinct i.unit_code from " + intervals + " where " + where + " and not exists"
                            + " (select 1 from rollup_unit m where m.unit_code = i.unit_code)")
                    + " on conflict (unit_code) do nothing", params);
        }
        for (String statement : sums(intervals, "m.anchor_code", String.valueOf(sign), "", where)) {
            sql.update(statement, params);
        }
    }

    /** Before {@code units} move to {@code anchor} (rollup_unit still names their old anchors): their stock moves. */
    void move(List<String> units, String anchor) {
        for (String statement : sums(STORED, "x.anchor_code", "x.sign", "cross join lateral (values (m.anchor_code, -1),"
                + " (cast(? as varchar), 1)) x(anchor_code, sign) ", "i.unit_code = any(?)")) {
            sql.update(statement, anchor, Sql.texts(units));
        }
    }
}
