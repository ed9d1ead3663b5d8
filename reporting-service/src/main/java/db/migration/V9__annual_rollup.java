package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import vn.gov.training.reporting.projection.AnnualRollup;

/**
 * The annual report of wide scopes reads annual_rollup (its figures per anchor, year, staff category and leader)
 * instead of summing every unit's facts. Existing generations get the table, filled from their training_fact by
 * {@link AnnualRollup#FILL} (its measures come from the report's columns, which only Java knows).
 */
public class V9__annual_rollup extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Generations.execute(context.getConnection(), """
                create table annual_rollup (
                    anchor_code varchar(64) not null, year integer not null,
                    staff_category varchar(30) not null, leader boolean not null,
                    measure varchar(40) not null, value bigint not null,
                    primary key (anchor_code, year, staff_category, leader, measure))""",
                "create index annual_rollup_year on annual_rollup (year)",
                AnnualRollup.FILL);
    }
}
