package vn.gov.training.reporting.projection;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Plain JDBC against the read model. Inside a transaction the pool hands out the transaction's connection, so these
 * statements run with the search path that {@link ReadModel#use(String)} set and commit with the inbox claim.
 * Read models are tables of aggregates and deltas (upserts adding to counters), which SQL says more plainly than
 * entities.
 */
@ApplicationScoped
public class Sql {

    private final DataSource dataSource;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int update(String sql, Object... params) {
        return run(sql, params, PreparedStatement::executeUpdate);
    }

    /** Each row of the result, made by {@code mapper}. */
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        return query(sql, params, r -> {
            Row row = new Row(r);
            List<T> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(mapper.map(row));
            }
            return rows;
        });
    }

    /** The first row of the result, made by {@code mapper}; empty when there is none (or it makes null). */
    public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... params) {
        return query(sql, params, r -> r.next() ? Optional.ofNullable(mapper.map(new Row(r))) : Optional.empty());
    }

    /** The first column of the first row as a number (a count, a sum, an id): 0 when null or without rows. */
    public long longValue(String sql, Object... params) {
        return first(sql, r -> r.longValue(1), params).orElse(0L);
    }

    /** The first column of the first row as text; null when null or without rows. */
    public String string(String sql, Object... params) {
        return first(sql, r -> r.string(1), params).orElse(null);
    }

    /** Runs a statement whose result is not read: a lock taken or a setting made by a select. */
    public void execute(String sql, Object... params) {
        run(sql, params, PreparedStatement::execute);
    }

    /** Runs {@code work} on the connection the statements above would use (the transaction's, inside one). */
    public <T> T withConnection(ConnectionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * An insert into a table of counters whose rows come from {@code %s} (a select, left to format), adding to the
     * counters of a row with the same key that exists: how every roll-up takes its deltas. The rows are written in
     * key order, so two transactions that add to the same rows (two batches) lock them in the same order.
     */
    public static String adding(String table, String key, String... counters) {
        int keys = key.split(",").length;
        StringBuilder order = new StringBuilder(" order by 1");
        for (int i = 2; i <= keys; i++) {
            order.append(", ").append(i);
        }
        StringBuilder sql = new StringBuilder("insert into " + table + " (" + key + ", " + String.join(", ", counters)
                + ") %s" + order + " on conflict (" + key + ") do update set ");
        for (int i = 0; i < counters.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(counters[i]).append(" = ").append(table).append('.')
                    .append(counters[i]).append(" + excluded.").append(counters[i]);
        }
        return sql.toString();
    }

    /** A text array parameter, for {@code = any(?)}. */
    public static TextArray texts(Collection<String> values) {
        return new TextArray(values.toArray(String[]::new));
    }

    public record TextArray(String[] values) {
    }

    /** A uuid array parameter, for {@code = any(?)} and {@code unnest(?)}. */
    public static UuidArray uuids(Collection<UUID> values) {
        return new UuidArray(values.toArray(UUID[]::new));
    }

    public record UuidArray(UUID[] values) {
    }

    /** Runs one statement for each row of parameters, as one JDBC batch. */
    public void batch(String sql, Collection<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(c, s, row);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            SQLException next = e.getNextException();
            throw new IllegalStateException(next != null ? next.getMessage() : e.getMessage(), e);
        }
    }

    private <T> T query(String sql, Object[] params, ResultWork<T> work) {
        return run(sql, params, s -> {
            try (ResultSet r = s.executeQuery()) {
                return work.read(r);
            }
        });
    }

    private <T> T run(String sql, Object[] params, StatementWork<T> work) {
        return withConnection(c -> {
            try (PreparedStatement s = prepare(c, sql, params)) {
                return work.run(s);
            }
        });
    }

    @FunctionalInterface
    private interface StatementWork<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface ResultWork<T> {
        T read(ResultSet result) throws SQLException;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        bind(c, s, params);
        return s;
    }

    private static void bind(Connection c, PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof TextArray a) {
                Array array = c.createArrayOf("varchar", a.values());
                s.setArray(i + 1, array);
            } else if (p instanceof UuidArray a) {
                s.setArray(i + 1, c.createArrayOf("uuid", a.values()));
            } else {
                s.setObject(i + 1, p);
            }
        }
    }
}
