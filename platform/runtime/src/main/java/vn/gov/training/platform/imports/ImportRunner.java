package vn.gov.training.platform.imports;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import vn.gov.training.platform.problem.Failures;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.resilience.Patience;
import vn.gov.training.platform.resilience.TransientFailure;
import vn.gov.training.platform.security.Caller;
import vn.gov.training.platform.security.Roles;

/**
 * Runs an import as a background job: the file read and its headings checked before the job starts, then its rows
 * checked by the service ({@link ImportKind}) and written in the chosen mode: ALL_OR_NOTHING writes nothing when any row is
 * refused (the whole file in one transaction otherwise), VALID_ROWS writes the valid rows in chunks. The job's counters
 * are updated in the transaction that writes the rows they count: true at every moment, also after a crash. A step
 * failed by an outage is tried again when the database is back ({@link Patience}); one whose commit went through
 * although its answer was lost is recognised by the committed progress. Rows already written are unchanged, so the
 * same file can be uploaded again to finish an interrupted job.
 * <p>
 * A running job holds its file's rows in memory, so a file has at most {@code training.imports.max-rows} rows
 * ({@code import-too-many-rows}: split it), and the jobs running on an instance at most
 * {@code training.imports.rows-at-once} together: a file that does not fit beside them is refused for now
 * ({@code import-busy}, 503 with {@code Retry-After}). The reading stops at the first row past the limit. A
 * 172,000-row file, within the 20 MB a request may carry, exhausted enrolment-service's 256 MB heap before.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    /** How long a refused file's sender is asked to wait ({@code import-busy}): about one large file's run. */
    private static final int BUSY_RETRY_SECONDS = 60;

    private final ManagedExecutor executor;
    private final ImportJobs jobs;
    private final EntityManager entityManager;
    private final int maxRows;
    private final ImportAdmission admission;

    /** How long a running import waits for its database (or a lock) before it ends FAILED. */
    @ConfigProperty(name = "training.imports.outage-patience", defaultValue = "10m")
    Duration patience;

    ImportRunner(ManagedExecutor executor, ImportJobs jobs, EntityManager entityManager,
                 @ConfigProperty(name = "training.imports.max-rows", defaultValue = "50000") int maxRows,
                 @ConfigProperty(name = "training.imports.rows-at-once", defaultValue = "60000") int rowsAtOnce) {
        this.executor = executor;
        this.jobs = jobs;
        this.entityManager = entityManager;
        this.maxRows = maxRows;
        this.admission = new ImportAdmission(rowsAtOnce);
    }

    /**
     * Checks the file's headings, records the job and starts it; returns at once.
     *
     * @param scope the units whose records the caller may write, null for every unit
     */
    public <J extends ImportJobEntity, T> J start(ImportKind<J, T> kind, byte[] content, String fileName,
                                                  ImportJobEntity.Mode mode, String actor, Set<String> scope) {
        if (content == null || content.length == 0) {
            throw ProblemException.invalid("import-format", String.join(", ", kind.columns().headings()));
        }
        List<String> missing;
        try {
            missing = TabularFile.missingHeadings(content, kind.columns());
        } catch (RuntimeException unreadable) {
            missing = kind.namedWhenUnreadable();
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("import-format", String.join(", ", missing));
        }
        List<TabularFile.Row> rows;
        try {
            rows = TabularFile.read(content, kind.columns(), maxRows);
        } catch (TabularFile.TooManyRows tooMany) {
            throw ProblemException.invalid("import-too-many-rows", maxRows);
        } catch (RuntimeException unreadable) {
            throw ProblemException.invalid("import-format", String.join(", ", kind.namedWhenUnreadable()));
        }
        int weight = admission.weight(rows.size());
        if (!admission.tryAdmit(weight)) {
            throw ProblemException.unavailable("import-busy", BUSY_RETRY_SECONDS);
        }
        UUID id = UUID.randomUUID();
        jobs.started(id);
        J job;
        try {
            job = QuarkusTransaction.requiringNew().call(() -> {
                J j = kind.newJob();
                j.id = id;
                j.worker = jobs.instance();
                j.fileName = fileName;
                j.mode = mode.name();
                j.status = ImportJobEntity.Status.RUNNING.name();
                j.totalRows = rows.size();
                j.createdBy = actor;
                j.startedAt = ImportJobs.now();
                j.heartbeatAt = j.startedAt;
                j.persist();
                return j;
            });
            executor.runAsync(() -> {
                try {
                    runInRequestContext(kind, id, rows, mode, actor, scope);
                } finally {
                    admission.release(weight);
                }
            });
        } catch (RuntimeException e) {
            jobs.ended(id);
            admission.release(weight);
            throw e;
        }
        return job;
    }

    private <J extends ImportJobEntity, T> void runInRequestContext(ImportKind<J, T> kind, UUID jobId,
                                                                    List<TabularFile.Row> rows,
                                                                    ImportJobEntity.Mode mode, String actor,
                                                                    Set<String> scope) {
        // messages and the audit trail look for a request; this job has none (texts default to Vietnamese)
        var context = Arc.container().requestContext();
        context.activate();
        try {
            run(kind, jobId, rows, mode, actor, scope);
        } catch (RuntimeException e) {
            // the messages of database failures name the rows' values (national IDs): types and SQL states only
            LOG.errorf("%s %s failed: %s", kind.label(), jobId, Failures.describe(e));
            // an outage that outlasted the patience: the committed rows stay, the same file finishes the job
            String code = kind.conflict(e) ? kind.conflictCode()
                    : TransientFailure.isTransient(e) ? "import-interrupted" : kind.failureCode();
            try {
                progress(kind, jobId, job -> jobs.fail(job, code));
            } catch (RuntimeException stillOut) {
                // left RUNNING without a worker: ImportJobs ends it when the database returns
                LOG.warnf("%s %s: its failure could not be recorded (%s)", kind.label(), jobId,
                        Failures.describe(stillOut));
            }
        } finally {
            jobs.ended(jobId);
            context.terminate();
        }
    }

    <J extends ImportJobEntity, T> void run(ImportKind<J, T> kind, UUID jobId, List<TabularFile.Row> rows,
                                            ImportJobEntity.Mode mode, String actor, Set<String> scope) {
        int total = rows.size();
        Checked<T> checked = Patience.call(kind.label() + " " + jobId, patience, () -> kind.check(rows, scope));
        int refused = checked.refusedRows();
        if (mode == ImportJobEntity.Mode.ALL_OR_NOTHING && !checked.errors().isEmpty()) {
            finish(kind, jobId, kind.rejected(), checked.errors(), refused, total);
            return;
        }
        List<T> valid = checked.valid();
        if (mode == ImportJobEntity.Mode.ALL_OR_NOTHING) {
            step(kind, jobId, () -> QuarkusTransaction.requiringNew().timeout(1800).run(() -> {
                J job = entityManager.find(kind.jobType(), jobId);
                if (job.processedRows >= total) {
                    return; // committed by an attempt whose answer was lost
                }
                Written written = new Written(0, 0, 0);
                for (List<T> chunk : chunks(valid, kind.chunkSize())) {
                    written = written.plus(kind.write(chunk, actor));
                }
                count(job, total, written);
            }));
        } else {
            int done = refused;
            for (List<T> chunk : chunks(valid, kind.chunkSize())) {
                done += chunk.stream().mapToInt(kind::rowsOf).sum();
                int processed = Math.min(total, done);
                step(kind, jobId, () -> QuarkusTransaction.requiringNew().timeout(600).run(() -> {
                    J job = entityManager.find(kind.jobType(), jobId);
                    if (job.processedRows >= processed) {
                        return;
                    }
                    count(job, processed, kind.write(chunk, actor));
                }));
            }
        }
        finish(kind, jobId, ImportJobEntity.Status.COMPLETED, checked.errors(), refused, total);
    }

    /** Adds to the job's counters inside the transaction that wrote the rows they count. */
    private static void count(ImportJobEntity job, int processed, Written written) {
        job.processedRows = processed;
        job.count(written);
        job.heartbeatAt = ImportJobs.now();
    }

    /** Ends the job; its row counters are those committed with the rows. */
    private <J extends ImportJobEntity> void finish(ImportKind<J, ?> kind, UUID jobId, ImportJobEntity.Status status,
                                                    List<RowError> errors, int refused, int total) {
        String report = jobs.toJson(errors.stream().sorted(Comparator.comparingInt(RowError::row)).toList());
        progress(kind, jobId, job -> {
            job.status = status.name();
            job.refusedRows(refused);
            job.errors = report;
            job.processedRows = total;
            job.finishedAt = ImportJobs.now();
        });
    }

    private void step(ImportKind<?, ?> kind, UUID jobId, Runnable step) {
        Patience.run(kind.label() + " " + jobId, patience, step);
    }

    private <J extends ImportJobEntity> void progress(ImportKind<J, ?> kind, UUID jobId, Consumer<J> change) {
        step(kind, jobId, () -> QuarkusTransaction.requiringNew()
                .run(() -> change.accept(entityManager.find(kind.jobType(), jobId))));
    }

    /**
     * A job as its reader may see it: the one who started it, or a province-wide role; anyone else is told it does not
     * exist ({@code import-not-found}).
     */
    public <J extends ImportJobEntity> J job(Class<J> type, UUID id, Caller caller) {
        J job = entityManager.find(type, id);
        boolean visible = job != null && (job.createdBy.equals(caller.name())
                || caller.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER));
        if (!visible) {
            throw ProblemException.notFound("import-not-found", id);
        }
        return job;
    }

    /** The list in consecutive parts of at most {@code size}. */
    public static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> parts = new java.util.ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            parts.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return parts;
    }
}
