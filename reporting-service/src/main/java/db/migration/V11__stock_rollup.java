package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import vn.gov.training.reporting.projection.StockRollup;

/**
 * The qualification stock of wide scopes reads stock_rollup (per anchor and year), stock_change (per anchor and
 * month) and the intervals that start or end in the month asked, instead of every interval. Existing generations get the table and indexes, filled by
 * {@link StockRollup#FILL}.
 */
public class V11__stock_rollup extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Generations.execute(context.getConnection(), """
                create table stock_rollup (
                    anchor_code varchar(64) not null, year integer not null, category varchar(30) not null,
                    kind varchar(100) not null, level varchar(100) not null,
                    held bigint not null, opened bigint not null,
                    primary key (anchor_code, year, category, kind, level))""",
                "create index stock_rollup_year on stock_rollup (year)",
                """
                create table stock_change (
                    anchor_code varchar(64) not null, month date not null, category varchar(30) not null,
                    kind varchar(100) not null, level varchar(100) not null, net bigint not null,
                    primary key (anchor_code, month, category, kind, level))""",
                "create index stock_change_month on stock_change (month)",
                "create index stock_interval_from on stock_interval (valid_from)"
                        + " include (valid_to, kind, level, category, unit_code)",
                "create index stock_interval_to on stock_interval (valid_to) include (kind, level, category, unit_code)"
                        + " where valid_to is not null",
                StockRollup.FILL.get(0), StockRollup.FILL.get(1), StockRollup.FILL.get(2));
    }
}
