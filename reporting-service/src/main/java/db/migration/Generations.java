package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * For the migrations of the read model: the same change in every generation that is ACTIVE or BUILDING (new
 * generations get their tables from read-model/schema.sql). Migrations V2-V4 loop over the generations in PL/pgSQL;
 * from V5 on they are Java and use this.
 */
final class Generations {

    @FunctionalInterface
    interface Change {
        /** Changes one generation; unqualified names are its tables. */
        void apply(Connection connection) throws SQLException;
    }

    /** Runs {@code statements} in every generation, in order; unqualified names are the generation's tables. */
    static void execute(Connection connection, String... statements) throws SQLException {
        each(connection, c -> {
            try (Statement s = c.createStatement()) {
                for (String statement : statements) {
                    s.execute(statement);
                }
            }
        });
    }

    /** Runs {@code change} with the search path set to each generation's schema, then restores the search path. */
    static void each(Connection connection, Change change) throws SQLException {
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
            }
            change.apply(connection);
        }
        try (PreparedStatement s = connection.prepareStatement("select set_config('search_path', ?, true)")) {
            s.setString(1, searchPath);
            s.execute();
        }
    }

    private Generations() {
    }
}
