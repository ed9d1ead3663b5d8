package vn.gov.training.reporting.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The current row of a result, read with typed getters: by column label, or by position (from 1) where the column is
 * an expression without a name of its own. Counts and sums read with {@link #longValue} or {@link #intValue} are 0
 * when null.
 */
public final class Row {

    private final ResultSet result;

    Row(ResultSet result) {
        this.result = result;
    }

    public String string(int column) throws SQLException {
        return result.getString(column);
    }

    public String string(String column) throws SQLException {
        return result.getString(column);
    }

    public long longValue(int column) throws SQLException {
        return result.getLong(column);
    }

    public long longValue(String column) throws SQLException {
        return result.getLong(column);
    }

    /** {@code count} numbers from column {@code first} on, 0 where null: the sums of a wide row. */
    public long[] longs(int first, int count) throws SQLException {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = result.getLong(first + i);
        }
        return values;
    }

    public Long longOrNull(int column) throws SQLException {
        return orNull(result.getLong(column));
    }

    public Long longOrNull(String column) throws SQLException {
        return longOrNull(result.findColumn(column));
    }

    public int intValue(int column) throws SQLException {
        return result.getInt(column);
    }

    public int intValue(String column) throws SQLException {
        return result.getInt(column);
    }

    public Integer intOrNull(int column) throws SQLException {
        return orNull(result.getInt(column));
    }

    public Integer intOrNull(String column) throws SQLException {
        return intOrNull(result.findColumn(column));
    }

    public Boolean bool(int column) throws SQLException {
        return orNull(result.getBoolean(column));
    }

    public Boolean bool(String column) throws SQLException {
        return bool(result.findColumn(column));
    }

    public UUID uuid(String column) throws SQLException {
        return (UUID) result.getObject(column);
    }

    public LocalDate date(int column) throws SQLException {
        java.sql.Date value = result.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    public LocalDate date(String column) throws SQLException {
        return date(result.findColumn(column));
    }

    /** A timestamp (with time zone) as an instant at UTC. */
    public OffsetDateTime utcTime(String column) throws SQLException {
        Timestamp value = result.getTimestamp(column);
        return value == null ? null : value.toInstant().atOffset(ZoneOffset.UTC);
    }

    public byte[] bytes(String column) throws SQLException {
        return result.getBytes(column);
    }

    /** The value just read, or null when the column was null (a primitive getter reads null as 0 or false). */
    private <T> T orNull(T value) throws SQLException {
        return result.wasNull() ? null : value;
    }
}
