package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** The summary of the whole data set reads both roll-ups by period alone; their keys lead with the anchor. */
public class V8__rollup_period_indexes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Generations.execute(context.getConnection(),
                "create index training_rollup_period on training_rollup (span, period_month)",
                "create index distinct_rollup_period on distinct_rollup (span, period_start)");
    }
}
