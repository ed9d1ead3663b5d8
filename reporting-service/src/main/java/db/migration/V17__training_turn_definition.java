package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The model version of each generation, and the yearly-minimum rules as data with effective dates and staff
 * categories. Generations that exist get model version 0, so the service rebuilds them from the topics at start-up
 * ({@code ReadModelUpgrade}).
 * <p>
 * Stays a Java migration although it touches public tables only: databases have it applied as one, and Flyway
 * refuses a migration whose type changed. It used to add the enrolment's new columns to every generation too; no
 * migration touches a generation any more (see the README).
 */
public class V17__training_turn_definition extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("alter table public.report_generation add column model_version integer not null default 0");
            s.execute("""
                    create table public.yearly_minimum_rule (
                        id              bigint generated always as identity primary key,
                        staff_category  varchar(30) not null,
                        minimum_periods integer not null check (minimum_periods > 0),
                        effective_from  date not null,
                        effective_to    date,
                        legal_basis     varchar(300) not null,
                        created_at      timestamptz not null default now(),
                        check (effective_to is null or effective_to > effective_from),
                        unique (staff_category, effective_from))""");
            s.execute("""
                    insert into public.yearly_minimum_rule (staff_category, minimum_periods, effective_from, legal_basis)
                    values ('CADRE', 40, '1900-01-01', 'Nghị định 101/2017/NĐ-CP, Nghị định 89/2021/NĐ-CP'),
                        ('CIVIL_SERVANT', 40, '1900-01-01', 'Nghị định 101/2017/NĐ-CP, Nghị định 89/2021/NĐ-CP'),
                        ('PUBLIC_EMPLOYEE', 40, '1900-01-01', 'Nghị định 101/2017/NĐ-CP, Nghị định 89/2021/NĐ-CP')""");
        }
    }
}
