package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

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
        Connection connection = context.getConnection();
        String searchPath;
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("show search_path")) {
            r.next();
            searchPath = r.getString(1);
        }
        List<String> schemas = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("""
                     select g.schema_name from public.report_generation g where g.status in ('ACTIVE', 'BUILDING')
                     and exists (select 1 from information_schema.schemata i where i.schema_name = g.schema_name)""")) {
            while (r.next()) {
                schemas.add(r.getString(1));
            }
        }
        for (String schema : schemas) {
            try (Statement s = connection.createStatement()) {
                s.execute("set local search_path to \"" + schema.replace("\"", "\"\"") + "\", public");
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
        try (PreparedStatement s = connection.prepareStatement("select set_config('search_path', ?, true)")) {
            s.setString(1, searchPath);
            s.execute();
        }
    }
}
