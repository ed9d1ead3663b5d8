package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import vn.gov.training.reporting.projection.DistinctRollup;

/**
 * training_rollup and distinct_rollup also hold each quarter (span 'Q', dated its first day), so a period that does
 * not cover whole years reads its whole quarters instead of three months each. Existing generations get the quarterly
 * rows of training_rollup added up from the monthly ones, and distinct_rollup computed again from the enrolments
 * (bitmaps cannot be added up), which also gives it its quarterly cells.
 */
public class V14__rollups_by_quarter extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Generations.each(context.getConnection(), c -> {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        insert into training_rollup (anchor_code, span, period_month, staff_category, split, code,
                            category, level, status, turns, periods, cost_vnd, funding_vnd)
                        select anchor_code, 'Q', date_trunc('quarter', period_month)::date, staff_category, split,
                            code, category, level, status, sum(turns), sum(periods), sum(cost_vnd), sum(funding_vnd)
                        from training_rollup where span = 'M' group by 1, 2, 3, 4, 5, 6, 7, 8, 9""");
                s.execute("delete from distinct_rollup");
            }
            DistinctRollup.fill(c, "true");
        });
    }
}
