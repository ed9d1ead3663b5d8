package vn.gov.training.platform.imports;

import java.util.List;

/** The outcome of an import's row checks: the valid items in row order, and the errors of the refused rows. */
public record Checked<T>(List<T> valid, List<RowError> errors) {

    /** How many rows were refused (rows with at least one error). */
    public int refusedRows() {
        return (int) errors.stream().mapToInt(RowError::row).distinct().count();
    }
}
