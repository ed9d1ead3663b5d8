package vn.gov.training.platform.imports;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * One upload of a file, run in the background by {@link ImportRunner}; its progress and row errors are read back by
 * id. A service maps its own table with an entity extending this one, adding its own counters.
 */
@MappedSuperclass
public abstract class ImportJobEntity extends PanacheEntityBase {

    /** ALL_OR_NOTHING writes nothing when a row is refused; VALID_ROWS writes the valid rows. */
    public enum Mode { ALL_OR_NOTHING, VALID_ROWS }

    /**
     * REJECTED: an ALL_OR_NOTHING file with refused rows (nothing written), for a service that names it so (the
     * other says FAILED); FAILED: also a run that could not finish.
     */
    public enum Status { RUNNING, COMPLETED, REJECTED, FAILED }

    @Id
    public UUID id;

    @Column(name = "file_name")
    public String fileName;

    @Column(nullable = false)
    public String mode;

    @Column(nullable = false)
    public String status;

    @Column(name = "total_rows")
    public int totalRows;

    @Column(name = "processed_rows")
    public int processedRows;

    @Column(name = "created_count")
    public int createdCount;

    @Column(name = "unchanged_count")
    public int unchangedCount;

    /** The row errors as JSON: [{row, field, code, message}]. */
    public String errors;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    /** The service instance running the job while it is RUNNING. */
    public String worker;

    /** Beaten by the worker while the job runs; a RUNNING job with an old heartbeat has lost its worker. */
    @Column(name = "heartbeat_at")
    public OffsetDateTime heartbeatAt;

    /** Adds what one write committed; a job that counts updated rows too adds them as well. */
    public void count(Written written) {
        createdCount += written.created();
        unchangedCount += written.unchanged();
    }

    /** Records how many rows were refused (rows with at least one error). */
    public abstract void refusedRows(int rows);
}
