package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import vn.gov.training.reporting.projection.TrainingFacts;

/**
 * The succession review reads who is planned from person.planned (with a partial index) instead of parsing every
 * person's planned_titles, and each person's failed, withdrawn and EXCELLENT enrolments from person_result instead of
 * counting their enrolments. Existing generations get both, computed from what they hold.
 */
public class V7__succession_review_by_person extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Generations.execute(context.getConnection(),
                "alter table person add column planned boolean not null default false",
                """
                update person p set planned = true where exists (select 1 from jsonb_array_elements(
                    coalesce(p.planned_titles, '[]')::jsonb) t where t->>'status' = 'ACTIVE')""",
                "create index person_planned on person (unit_code) where planned",
                """
                create table person_result (personnel_id uuid primary key, failed bigint not null,
                    withdrawn bigint not null, excellent bigint not null)""",
                "create index person_result_excellent on person_result (personnel_id) where excellent > 0",
                TrainingFacts.FILL_PERSON_RESULT);
    }
}
