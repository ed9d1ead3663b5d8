package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import vn.gov.training.reporting.projection.DistinctRollup;

/**
 * The training summary of wide scopes counts distinct people and classes from distinct_rollup (bitmaps per anchor,
 * month and year) instead of deduplicating every turn of the period. Existing generations get the tables, filled
 * from their enrolments by {@link DistinctRollup#fill} (only Java builds the bitmaps); new ones get them from
 * read-model/schema.sql.
 */
public class V5__distinct_rollup extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Generations.each(context.getConnection(), this::change);
    }

    private void change(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("""
                    create table id_number (
                        id     uuid primary key,
                        number integer generated always as identity unique)""");
            s.execute("""
                    create table distinct_rollup (
                        anchor_code varchar(64) not null, span char(1) not null, period_start date not null,
                        staff_category varchar(30) not null, category varchar(40) not null,
                        level varchar(100) not null, people bytea not null, classes bytea not null,
                        primary key (anchor_code, span, period_start, staff_category, category, level))""");
        }
        DistinctRollup.fill(connection, "true");
    }
}
