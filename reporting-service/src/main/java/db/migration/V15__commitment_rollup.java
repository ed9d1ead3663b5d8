package db.migration;

import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import vn.gov.training.reporting.projection.CommitmentRollup;

/**
 * The commitments report reads commitment_rollup and repayment_rollup (per unit, staff category and status) instead
 * of every commitment and repayment case. Existing generations get the tables, filled by
 * {@link CommitmentRollup#FILL}, and the index of commitments still ACTIVE after their end.
 */
public class V15__commitment_rollup extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        List<String> statements = new ArrayList<>(List.of("""
                create table commitment_rollup (
                    unit_code varchar(64) not null, staff_category varchar(30) not null,
                    status varchar(20) not null, items bigint not null, amount_vnd bigint not null,
                    primary key (unit_code, staff_category, status))""",
                "create table repayment_rollup (like commitment_rollup including all)",
                "create index commitment_active_ends on commitment (ends_on) include (unit_code, staff_category, cost_vnd)"
                        + " where status = 'ACTIVE'"));
        statements.addAll(CommitmentRollup.FILL);
        Generations.execute(context.getConnection(), statements.toArray(String[]::new));
    }
}
