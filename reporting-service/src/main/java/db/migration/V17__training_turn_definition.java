package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * One definition of a training turn, placed where the person worked on the class's start date, and a yearly minimum
 * of retraining only. Existing generations get the new enrolment columns so that live projection goes on; their
 * figures were computed under the old definition, so they are marked as of model version 0 and the service rebuilds
 * the read model from the topics at start-up ({@code ReadModelUpgrade}) instead of migrating figures in place.
 * The yearly-minimum rules become data with effective dates and staff categories.
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
        Generations.execute(context.getConnection(),
                "alter table enrolment add column source_unit_code varchar(64) not null default ''",
                "alter table enrolment add column source_staff_category varchar(30) not null default ''",
                "alter table enrolment add column retraining boolean not null default true",
                "update enrolment set source_unit_code = unit_code, source_staff_category = staff_category");
    }
}
