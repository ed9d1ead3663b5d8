package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import vn.gov.training.reporting.projection.StaffRollup;

/**
 * The yearly minimum of wide scopes reads staff_rollup and staff_change (the active staff per unit, by year and by
 * month) and person_year placed where each person was at year end, instead of every person's history. Existing
 * generations get the tables, the columns and indexes, filled by {@link StaffRollup#FILL}.
 */
public class V12__staff_rollup extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Generations.execute(context.getConnection(), """
                create table staff_rollup (
                    unit_code varchar(64) not null, year integer not null, category varchar(30) not null,
                    held bigint not null, opened bigint not null,
                    primary key (unit_code, year, category))""",
                "create index staff_rollup_year on staff_rollup (year)",
                """
                create table staff_change (
                    unit_code varchar(64) not null, month date not null, category varchar(30) not null,
                    net bigint not null, primary key (unit_code, month, category))""",
                "create index staff_change_month on staff_change (month)",
                "alter table person_year add column unit_code varchar(64), add column category varchar(30)",
                "create index person_year_met on person_year (year, unit_code) include (periods, category)",
                "create index person_version_from on person_version (effective_from)"
                        + " include (effective_to, unit_code, category, status)",
                "create index person_version_to on person_version (effective_to) include (unit_code, category, status)"
                        + " where effective_to is not null",
                StaffRollup.FILL.get(0), StaffRollup.FILL.get(1), StaffRollup.FILL.get(2));
    }
}
