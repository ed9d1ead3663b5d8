package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import vn.gov.training.reporting.projection.GapRollup;

/**
 * The succession review counts the planned people lacking each level from gap_rollup (per unit, staff category, kind
 * and level) instead of joining every gap with its person. Existing generations get the table, filled by
 * {@link GapRollup#FILL}.
 */
public class V16__gap_rollup extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Generations.execute(context.getConnection(), """
                create table gap_rollup (
                    unit_code varchar(64) not null, category varchar(30) not null, kind varchar(100) not null,
                    level varchar(100) not null, people bigint not null,
                    primary key (unit_code, category, kind, level))""",
                GapRollup.FILL);
    }
}
