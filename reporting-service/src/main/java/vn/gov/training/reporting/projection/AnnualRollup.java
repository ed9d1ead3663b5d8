package vn.gov.training.reporting.projection;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;


/**
 * Keeps annual_rollup: the figures of the annual report (report 8) per anchor (as in training_rollup), year of the
 * class start, staff category and leader, one row per measure: each column of {@link AnnualMeasures#COLUMNS}, TOTAL,
 * WOMEN, MINORITY, COST_&lt;funding source&gt; and COST. Its deltas come with training_fact's, including the
 * recounts after a person's gender, ethnicity or leader flag changed; when units move to another anchor, their facts
 * move with them.
 */
@ApplicationScoped
public class AnnualRollup {

    private static final String KEY = "anchor_code, year, staff_category, leader, measure";

    private static final String UPSERT = Sql.adding("annual_rollup", KEY, "value");

    /**
     * The measures of the turns of f (training_fact, or an enrolment shaped like one: turns, cost_vnd) as rows
     * v(measure, value).
     */
    static final String MEASURES = measures();

    /** What annual_rollup holds: training_fact summed by anchor, year, staff category, leader and measure. */
    public static final String SUMMED = "select m.anchor_code, extract(year from f.period_month)::int,"
            + " f.staff_category, f.leader, v.measure, sum(v.value) from training_fact f"
            + " join rollup_unit m on m.unit_code = f.unit_code " + MEASURES + " where f." + TrainingTurn.TURN
            + " and v.value <> 0 group by 1, 2, 3, 4, 5";

    /** Fills an empty annual_rollup from training_fact (for the benchmark); rollup_unit must be full. */
    public static final String FILL = UPSERT.formatted(SUMMED);

    private final Sql sql;

    AnnualRollup(Sql sql) {
        this.sql = sql;
    }

    /** Adds (sign 1) or takes out (sign -1) these enrolments' turns; their units have an anchor (TrainingRollup.add). */
    void add(Collection<UUID> enrolmentIds, int sign) {
        sql.update(UPSERT.formatted("select m.anchor_code, extract(year from f.period_month)::int, f.staff_category,"
                + " f.leader, v.measure, sum(? * v.value) from (select e.*, date_trunc('month', e.start_date)::date"
                + " period_month, 1 turns from enrolment e where e.enrolment_id = any(?)) f"
                + " join rollup_unit m on m.unit_code = f.unit_code " + MEASURES
                + " where f.start_date is not null and f." + TrainingTurn.TURN + " and v.value <> 0"
                + " group by 1, 2, 3, 4, 5"), sign, Sql.uuids(enrolmentIds));
    }

    /** Before {@code units} move to {@code anchor} (rollup_unit still names their old anchors): their facts move. */
    void move(List<String> units, String anchor) {
        sql.update(UPSERT.formatted("select x.anchor_code, extract(year from f.period_month)::int, f.staff_category,"
                + " f.leader, v.measure, sum(x.sign * v.value) from training_fact f"
                + " join rollup_unit m on m.unit_code = f.unit_code"
                + " cross join lateral (values (m.anchor_code, -1), (cast(? as varchar), 1)) x(anchor_code, sign) "
                + MEASURES + " where f.unit_code = any(?) and f." + TrainingTurn.TURN + " and v.value <> 0"
                + " group by 1, 2, 3, 4, 5"), anchor, Sql.texts(units));
    }

    private static String measures() {
        StringBuilder values = new StringBuilder("cross join lateral (values ");
        for (AnnualMeasures.Column c : AnnualMeasures.COLUMNS) {
            values.append("('").append(c.key()).append("', case when ").append(c.condition())
                    .append(" then f.turns else 0 end), ");
        }
        values.append("('TOTAL', f.turns), ('WOMEN', case when f.gender = 'FEMALE' then f.turns else 0 end),")
                .append(" ('MINORITY', case when f.ethnic_minority then f.turns else 0 end), ");
        for (String source : AnnualMeasures.SOURCES) {
            values.append("('COST_").append(source).append("', case when f.funding_source = '").append(source)
                    .append("' then f.cost_vnd else 0 end), ");
        }
        return values.append("('COST', f.cost_vnd)) v(measure, value)").toString();
    }
}
