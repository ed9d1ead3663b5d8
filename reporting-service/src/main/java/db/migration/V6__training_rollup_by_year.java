package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * training_rollup also sums each calendar year (span 'Y', period_month 1 January), so a summary over whole years reads
 * a twelfth of the rows. Existing generations get the column (their rows are months), the new key, and the yearly
 * rows added up from the monthly ones.
 */
public class V6__training_rollup_by_year extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Generations.execute(context.getConnection(),
                "alter table training_rollup add column span char(1) not null default 'M'",
                "alter table training_rollup alter column span drop default",
                "alter table training_rollup drop constraint training_rollup_pkey",
                """
                alter table training_rollup add primary key (anchor_code, span, period_month, staff_category, split,
                    code, category, level, status)""",
                """
                insert into training_rollup (anchor_code, span, period_month, staff_category, split, code, category,
                    level, status, turns, periods, cost_vnd, funding_vnd)
                select anchor_code, 'Y', date_trunc('year', period_month)::date, staff_category, split, code, category,
                    level, status, sum(turns), sum(periods), sum(cost_vnd), sum(funding_vnd)
                from training_rollup where span = 'M' group by 1, 2, 3, 4, 5, 6, 7, 8, 9""");
    }
}
