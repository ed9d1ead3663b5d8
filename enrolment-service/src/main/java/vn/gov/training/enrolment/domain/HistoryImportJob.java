package vn.gov.training.enrolment.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One upload of a historical training records file, run in the background; progress and row errors read by id. */
@Entity
@Table(name = "history_import_job")
public class HistoryImportJob extends PanacheEntityBase {

    public enum Mode { ALL_OR_NOTHING, VALID_ROWS }

    /** FAILED: an ALL_OR_NOTHING file with row errors (nothing written), or a run that could not finish. */
    public enum Status { RUNNING, COMPLETED, FAILED }

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

    @Column(name = "rejected_count")
    public int rejectedCount;

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
}
