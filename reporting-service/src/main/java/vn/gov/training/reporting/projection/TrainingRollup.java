package vn.gov.training.reporting.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps training_rollup equal to the training turns of training_fact summed by anchor (rollup_unit), month, quarter
 * and year, staff category and the figures of the training summary, and moves DistinctRollup, AnnualRollup and
 * StockRollup with it. Every unit with facts has one anchor: the top of its chain of latest parents, or the unit
 * itself while its parents are unknown. The same deltas that change training_fact change the roll-up of the unit's anchor; when a unit event gives
 * units another top, their facts move from the old anchor to the new one. Whether a report may read an anchor's rows
 * for a scope is decided when it runs (RollupScope): the anchor is a hint for speed, never a statement about where a
 * unit belonged.
 */
@ApplicationScoped
public class TrainingRollup {

    /**
     * Serialises moves between anchors (exclusive) with the deltas of enrolments (shared), per read-model schema: a
     * rebuild's generation and the live one never wait for each other.
     */
    private static final String LOCK = "7310003, hashtext(current_schema())";

    /** The rows a fact or enrolment (alias f) adds to the roll-up: one for its summary line, one per split. */
    public static final String SPLITS = """
            cross join lateral (values ('LINE', '', f.category, f.level, f.status),
                ('DELIVERY_MODE', f.delivery_mode, '', '', ''), ('LOCATION', f.location, '', '', ''),
                ('FUNDING_SOURCE', f.funding_source, '', '', '')) s(split, code, category, level, status)""";

    /**
     * Each month's turns count in their month (span M), their quarter (span Q, dated its first day) and their year
     * (span Y, dated 1 January); alias f.
     */
    public static final String SPANS = """
            cross join lateral (values ('M', f.period_month), ('Q', date_trunc('quarter', f.period_month)::date),
                ('Y', date_trunc('year', f.period_month)::date)) p(span, period_month)""";

    private static final String KEY =
            "anchor_code, span, period_month, staff_category, split, code, category, level, status";

    private static final String UPSERT = Sql.adding("training_rollup", KEY, "turns", "periods", "cost_vnd",
            "funding_vnd");

    /**
     * The anchor of each unit code that {@code units} (a select of one column, unit_code) returns: the top of the
     * chain of latest parents (at most 64 levels), or the unit itself when it has no known parent.
     */
    public static String anchorsOf(String units) {
        return """
                with recursive up(unit_code, code, depth) as (
                    select u.unit_code, u.unit_code, 0 from (%s) u
                    union all
                    select up.unit_code, p.parent_code, up.depth + 1 from up
                    cross join lateral (select v.parent_code from unit_version v where v.code = up.code
                        order by v.effective_from desc limit 1) p
                    where p.parent_code is not null and up.depth < 64)
                select distinct on (unit_code) unit_code, code from up order by unit_code, depth desc""".formatted(units);
    }

    /**
     * Fills an empty roll-up from training_fact: every unit with facts gets its anchor, then the facts are summed.
     * For the benchmark, which writes the tables directly.
     */
    public static final List<String> FILL = List.of(
            "insert into rollup_unit (unit_code, anchor_code) "
                    + anchorsOf("select distinct unit_code from training_fact"),
            UPSERT.formatted("select m.anchor_code, p.span, p.period_month, f.staff_category, s.split, s.code,"
                    + " s.category, s.level, s.status, sum(f.turns), sum(f.periods), sum(f.cost_vnd),"
                    + " sum(f.funding_vnd) from training_fact f join rollup_unit m on m.unit_code = f.unit_code "
                    + SPANS + " " + SPLITS + " where f." + TrainingTurn.TURN + " group by 1, 2, 3, 4, 5, 6, 7, 8, 9"));

    private final Sql sql;
    private final DistinctRollup distinct;
    private final AnnualRollup annual;
    private final StockRollup stock;

    TrainingRollup(Sql sql, DistinctRollup distinct, AnnualRollup annual, StockRollup stock) {
        this.sql = sql;
        this.distinct = distinct;
        this.annual = annual;
        this.stock = stock;
    }

    /**
     * Called before anything kept per anchor changes (an enrolment's contribution in TrainingFacts.change, a
     * person's stock intervals), however often in one transaction; holds off moves between anchors until commit.
     */
    void enter() {
        sql.execute("select pg_advisory_xact_lock_shared(" + LOCK + ")");
    }

    /**
     * Adds (sign 1) or takes out (sign -1) these enrolments' turns; their units get an anchor first if they have
     * none. Rows that fall to zero stay (the report leaves out lines whose sums are zero), which saves a statement.
     * DistinctRollup follows separately (TrainingFacts), from the turns before and after.
     */
    void add(Collection<UUID> enrolmentIds, int sign) {
        Sql.UuidArray ids = Sql.uuids(enrolmentIds);
        if (sign > 0) {
            sql.update("insert into rollup_unit (unit_code, anchor_code) "
                    + anchorsOf("select distinct e.unit_code from enrolment e where e.enrolment_id = any(?)"
                            + " and not exists (select 1 from rollup_unit m where m.unit_code = e.unit_code)")
                    + " on conflict (unit_code) do nothing", ids);
        }
        sql.update(UPSERT.formatted("select m.anchor_code, p.span, p.period_month, f.staff_category, s.split, s.code,"
                + " s.category, s.level, s.status, sum(?), sum(? * f.periods), sum(? * f.cost_vnd),"
                + " sum(? * f.funding_vnd)"
                + " from (select e.*, date_trunc('month', e.start_date)::date period_month from enrolment e) f"
                + " join rollup_unit m on m.unit_code = f.unit_code " + SPANS + " " + SPLITS
                + " where f.enrolment_id = any(?) and f.start_date is not null and f." + TrainingTurn.TURN
                + " group by 1, 2, 3, 4, 5, 6, 7, 8, 9"), sign, sign, sign, sign, ids);
    }

    /**
     * After an event of unit {@code code}: the units with facts in its subtree (by latest parents) belong under the
     * top of its chain; those anchored elsewhere move there, with their facts.
     */
    void unitChanged(String code) {
        // Lock before looking: a batch that anchored a unit from the parents it could see before this event's
        // unit_version committed holds the shared lock until it commits, and its rollup_unit rows are invisible
        // until then. Waiting for it makes those rows visible here, so they move with the rest.
        sql.execute("select pg_advisory_xact_lock(" + LOCK + ")");
        List<Move> moved = moved(code);
        if (moved.isEmpty()) {
            return;
        }
        List<String> units = new ArrayList<>();
        List<String> oldAnchors = new ArrayList<>();
        for (Move move : moved) {
            units.add(move.unit());
            oldAnchors.add(move.from());
        }
        String anchor = moved.get(0).to();
        sql.update(UPSERT.formatted("select x.anchor_code, p.span, p.period_month, f.staff_category, s.split,"
                + " s.code, s.category, s.level, s.status, sum(x.sign * f.turns), sum(x.sign * f.periods),"
                + " sum(x.sign * f.cost_vnd), sum(x.sign * f.funding_vnd)"
                + " from training_fact f join rollup_unit m on m.unit_code = f.unit_code"
                + " cross join lateral (values (m.anchor_code, -1), (cast(? as varchar), 1)) x(anchor_code, sign) "
                + SPANS + " " + SPLITS + " where f.unit_code = any(?) and f." + TrainingTurn.TURN
                + " group by 1, 2, 3, 4, 5, 6, 7, 8, 9"),
                anchor, Sql.texts(units));
        annual.move(units, anchor);
        stock.move(units, anchor);
        sql.update("delete from training_rollup where anchor_code = any(?) and turns = 0 and periods = 0"
                + " and cost_vnd = 0 and funding_vnd = 0", Sql.texts(oldAnchors));
        sql.update("update rollup_unit set anchor_code = ? where unit_code = any(?)", anchor, Sql.texts(units));
        Set<String> anchors = new HashSet<>(oldAnchors);
        anchors.add(anchor);
        distinct.recount(units, anchors);
    }

    /** A unit with facts that moves from one anchor to another. */
    private record Move(String unit, String from, String to) {
    }

    /** The units with facts in the subtree of {@code code} (by latest parents) anchored elsewhere than its top. */
    private List<Move> moved(String code) {
        return sql.list("""
                with recursive down(code, depth) as (
                    select cast(? as varchar), 0
                    union
                    select v.code, down.depth + 1 from down join unit_version v on v.parent_code = down.code
                    where down.depth < 64 and v.effective_from = (select max(n.effective_from) from unit_version n
                        where n.code = v.code)),
                top as (%s)
                select m.unit_code, m.anchor_code, (select t.code from top t) from rollup_unit m
                where m.unit_code in (select code from down)
                and m.anchor_code <> (select t.code from top t)""".formatted(anchorsOf("select cast(? as varchar) as unit_code")),
                r -> new Move(r.string("unit_code"), r.string("anchor_code"), r.string(3)), code, code);
    }
}
