package vn.gov.training.platform.imports;

import java.util.List;
import java.util.Set;

import vn.gov.training.platform.problem.Failures;

/**
 * A service's import: its file's columns, its job entity, how it checks rows and how it writes valid ones. The rest
 * (the job's lifecycle, modes, chunks, counters, failures) is {@link ImportRunner}'s.
 *
 * @param <J> the service's job entity
 * @param <T> a valid row, ready to be written
 */
public interface ImportKind<J extends ImportJobEntity, T> {

    /** The file's columns. */
    TabularFile.Columns columns();

    /** A new job of this kind, without its fields set. */
    J newJob();

    Class<J> jobType();

    /** For the log: "Import", "History import". */
    String label();

    /**
     * Checks the rows of a file (reading from the database what the checks need, in transactions of its own); the
     * scope is the units whose records the caller may write, null for every unit. Called again when the database
     * went away meanwhile.
     */
    Checked<T> check(List<TabularFile.Row> rows, Set<String> scope);

    /** Writes valid rows inside the runner's transaction; what is already there is unchanged. */
    Written write(List<T> chunk, String actor);

    /** How many valid items a VALID_ROWS transaction writes (and a write of ALL_OR_NOTHING at a time). */
    int chunkSize();

    /**
     * How many rows of the file a valid item stands for: one, unless the service groups rows into one item (e.g. a
     * person's rows, written together); the job's progress counts rows.
     */
    default int rowsOf(T item) {
        return 1;
    }

    /** How an ALL_OR_NOTHING job with refused rows ends. */
    ImportJobEntity.Status rejected();

    /** The error code of a run stopped by a database constraint (a row written meanwhile by someone else). */
    String conflictCode();

    /** The error code of a run stopped by an unexpected failure. */
    String failureCode();

    /** True when the failure is a database constraint refusing a row. */
    default boolean conflict(RuntimeException failure) {
        return Failures.constraintViolation(failure).isPresent();
    }

    /** The headings named by the {@code import-format} problem of a file that cannot be read at all. */
    default List<String> namedWhenUnreadable() {
        return columns().required();
    }
}
