package vn.gov.training.reporting.projection;

import java.sql.SQLException;

/** Makes one value of a row of a result; called once per row, while the result is open. */
@FunctionalInterface
public interface RowMapper<T> {

    T map(Row row) throws SQLException;
}
