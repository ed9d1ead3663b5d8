package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import vn.gov.training.reporting.projection.TrainingFacts;

/**
 * The succession review finds the excellent people who are not planned through a partial index on person instead of
 * joining every person with person_result: person.excellent, kept with person_result. Both of its partial indexes
 * cover the filters, the name and the id, so its lists are counted and paged without reading the people's rows.
 */
public class V13__person_excellent extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Generations.execute(context.getConnection(),
                "alter table person add column excellent boolean not null default false",
                TrainingFacts.FILL_PERSON_EXCELLENT,
                "create index person_excellent on person (unit_code) include (personnel_id, status, category,"
                        + " full_name) where excellent and not planned",
                "drop index person_planned",
                "create index person_planned on person (unit_code) include (personnel_id, status, category, full_name)"
                        + " where planned");
    }
}
