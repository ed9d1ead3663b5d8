package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** The fit report reads only the WARN and MISFIT facts: a partial index that holds all it needs. */
public class V10__training_fact_fit_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Generations.execute(context.getConnection(), """
                create index training_fact_fit on training_fact (period_month)
                    include (fit, category, level, status, staff_category, unit_code, turns, cost_vnd)
                    where fit in ('WARN', 'MISFIT')""");
    }
}
