package vn.gov.training.platform.imports;

/** One row-level error of an import's report; row 0 speaks of the whole job. */
public record RowError(int row, String field, String code, String message) {
}
