package vn.gov.training.enrolment.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.EnrolmentStatus;
import vn.gov.training.enrolment.domain.FitAssessment;
import vn.gov.training.enrolment.domain.Grade;
import vn.gov.training.enrolment.domain.HistoryImportJob;
import vn.gov.training.enrolment.domain.Refs;
import vn.gov.training.platform.problem.Failures;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.resilience.Patience;
import vn.gov.training.platform.resilience.TransientFailure;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * Imports a province's training history as a background job: each row one training turn, checked like the API
 * checks a result (unknown person, programme, class or institution, unreadable or implausible dates, end before
 * start, completion before start, unknown result, grade or funding source, negative cost), the person within the
 * caller's units. {@code ALL_OR_NOTHING} writes nothing when any row is refused; {@code VALID_ROWS} writes the valid
 * ones. A turn already recorded (same person, same class) is unchanged, so a file can be imported twice. Rows are
 * written in chunks of JDBC batches, each turn with its {@code enrolment.*} event (the outcome event with the full
 * state) and its audit record; the job's counters are committed with the rows they count.
 */
@ApplicationScoped
public class HistoryImport {

    private static final Logger LOG = Logger.getLogger(HistoryImport.class);
    private static final int CHUNK = 2000;

    /** One row-level error of the report. */
    public record RowError(int row, String field, String code, String message) {
    }

    /** A valid row: who, which class (an existing copy, or a historical class to create), and the outcome. */
    public record Turn(int row, HistoryStore.PersonRef person, ClassCopy cls, EnrolmentStatus status, Grade grade,
                       LocalDate date, String credentialNumber, Long costVnd, String fundingSource) {

        /** The outcome's event name, the one the API publishes when it records this outcome. */
        String event() {
            return switch (status) {
                case COMPLETED -> "completed";
                case FAILED -> "failed";
                default -> "withdrawn";
            };
        }

        /**
         * The enrolment as the API would leave it after nomination, approval and this outcome. The fit of a past
         * turn is not assessed (the person's position at the time is unknown): FIT without reasons.
         */
        Enrolment toEnrolment(OffsetDateTime now) {
            Refs.Program program = cls.program;
            Enrolment e = new Enrolment();
            e.id = UUID.randomUUID();
            e.personnelId = person.personnelId();
            e.classId = cls.classId;
            e.programId = cls.programId;
            e.category = program.category();
            e.level = program.level();
            e.deliveryMode = program.deliveryMode();
            e.location = cls.location;
            e.startDate = cls.startDate;
            e.endDate = cls.endDate;
            e.nominatingUnitCode = person.orgUnitCode();
            e.personOrgUnitCode = person.orgUnitCode();
            e.personCategory = person.category();
            e.status = status;
            e.fitAssessment = FitAssessment.FIT;
            e.fitReasons = new ArrayList<>();
            e.costVnd = costVnd;
            e.fundingSource = fundingSource;
            e.fundingAmountVnd = fundingSource != null ? costVnd : null;
            if (program.grantsLevel() != null) {
                e.grantsKind = program.grantsLevel().kind();
                e.grantsLevel = program.grantsLevel().level();
            }
            // like the API: without a date, the class's last day, or today for a class that has not ended
            LocalDate on = date != null ? date
                    : cls.endDate != null && !cls.endDate.isAfter(ProvinceTime.today()) ? cls.endDate
                    : ProvinceTime.today();
            switch (status) {
                case COMPLETED -> {
                    e.grade = grade;
                    e.credentialNumber = credentialNumber;
                    e.periodsAttended = program.periods();
                    e.completedOn = on;
                }
                case FAILED -> e.completedOn = on;
                default -> {
                    e.withdrawnOn = on;
                    e.reason = WITHDRAWN_REASON;
                }
            }
            e.createdAt = now;
            e.updatedAt = now;
            return e;
        }
    }

    /** The reason recorded for a withdrawal taken from a history file (the API requires one). */
    static final String WITHDRAWN_REASON = "historical-record";

    private final ManagedExecutor executor;
    private final HistoryRows rows;
    private final HistoryStore store;
    private final HistoryImportJobs jobs;
    private final AccessPolicy access;
    private final Messages messages;
    private final ObjectMapper json;

    /** How long a running import waits for its database (or a lock) before it ends FAILED. */
    @ConfigProperty(name = "training.imports.outage-patience", defaultValue = "10m")
    Duration patience;

    HistoryImport(ManagedExecutor executor, HistoryRows rows, HistoryStore store, HistoryImportJobs jobs,
                  AccessPolicy access, Messages messages, ObjectMapper json) {
        this.executor = executor;
        this.rows = rows;
        this.store = store;
        this.jobs = jobs;
        this.access = access;
        this.messages = messages;
        this.json = json;
    }

    /** Checks the file's heading row, records the job and starts it; returns at once. */
    public HistoryImportJob start(byte[] content, String fileName, HistoryImportJob.Mode mode) {
        List<String> missing;
        try {
            missing = HistoryFormat.missingColumns(content);
        } catch (RuntimeException unreadable) {
            missing = HistoryFormat.REQUIRED;
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("import-format", String.join(", ", missing));
        }
        String actor = access.callerName();
        // the units whose people the caller may record turns for; null: every unit
        Set<String> scope = access.scope().writableUnits().map(Set::copyOf).orElse(null);
        UUID id = UUID.randomUUID();
        jobs.started(id);
        HistoryImportJob job;
        try {
            job = QuarkusTransaction.requiringNew().call(() -> {
                HistoryImportJob j = new HistoryImportJob();
                j.id = id;
                j.worker = jobs.instance();
                j.fileName = fileName;
                j.mode = mode.name();
                j.status = HistoryImportJob.Status.RUNNING.name();
                j.createdBy = actor;
                j.startedAt = HistoryImportJobs.now();
                j.heartbeatAt = j.startedAt;
                j.persist();
                return j;
            });
            executor.runAsync(() -> runInRequestContext(id, content, mode, actor, scope));
        } catch (RuntimeException e) {
            jobs.ended(id);
            throw e;
        }
        return job;
    }

    private void runInRequestContext(UUID jobId, byte[] content, HistoryImportJob.Mode mode, String actor,
                                     Set<String> scope) {
        // messages look for a request; this job has none (texts default to Vietnamese)
        var context = Arc.container().requestContext();
        context.activate();
        try {
            run(jobId, content, mode, actor, scope);
        } catch (RuntimeException e) {
            // database messages name the rows' values: types and SQL states only
            LOG.errorf("History import %s failed: %s", jobId, Failures.describe(e));
            boolean conflict = Failures.constraintViolation(e).isPresent()
                    || e instanceof HistoryStore.HistoryBatchException batch && batch.constraintViolated();
            String code = conflict ? "import-conflict"
                    : TransientFailure.isTransient(e) ? "import-interrupted" : "import-failed";
            try {
                progress(jobId, job -> {
                    job.status = HistoryImportJob.Status.FAILED.name();
                    job.errors = toJson(List.of(new RowError(0, null, code,
                            messages.get("problem." + code + ".detail", job.processedRows, job.totalRows))));
                    job.finishedAt = HistoryImportJobs.now();
                });
            } catch (RuntimeException stillOut) {
                // left RUNNING without a worker: HistoryImportJobs ends it when the database returns
                LOG.warnf("History import %s: its failure could not be recorded (%s)", jobId,
                        Failures.describe(stillOut));
            }
        } finally {
            jobs.ended(jobId);
            context.terminate();
        }
    }

    void run(UUID jobId, byte[] content, HistoryImportJob.Mode mode, String actor, Set<String> scope) {
        List<HistoryFormat.Row> file = HistoryFormat.read(content);
        progress(jobId, job -> job.totalRows = file.size());
        HistoryRows.Checked checked = Patience.call("history import " + jobId, patience,
                () -> QuarkusTransaction.requiringNew().timeout(600).call(() -> rows.check(file, scope)));
        List<RowError> errors = checked.errors();
        int rejected = (int) errors.stream().map(RowError::row).distinct().count();
        if (mode == HistoryImportJob.Mode.ALL_OR_NOTHING && !errors.isEmpty()) {
            finish(jobId, HistoryImportJob.Status.FAILED, errors, rejected, file.size());
            return;
        }
        List<Turn> valid = checked.turns();
        if (mode == HistoryImportJob.Mode.ALL_OR_NOTHING) {
            step(jobId, () -> QuarkusTransaction.requiringNew().timeout(1800).run(() -> {
                HistoryImportJob job = HistoryImportJob.findById(jobId);
                if (job.processedRows >= file.size()) {
                    return; // committed by an attempt whose answer was lost
                }
                int created = 0;
                int unchanged = 0;
                for (List<Turn> chunk : HistoryStore.chunks(valid, CHUNK)) {
                    HistoryStore.Written written = store.write(chunk, actor);
                    created += written.created();
                    unchanged += written.unchanged();
                }
                count(job, file.size(), created, unchanged);
            }));
        } else {
            int done = rejected;
            for (List<Turn> chunk : HistoryStore.chunks(valid, CHUNK)) {
                done += chunk.size();
                int processed = Math.min(file.size(), done);
                step(jobId, () -> QuarkusTransaction.requiringNew().timeout(600).run(() -> {
                    HistoryImportJob job = HistoryImportJob.findById(jobId);
                    if (job.processedRows >= processed) {
                        return;
                    }
                    HistoryStore.Written written = store.write(chunk, actor);
                    count(job, processed, written.created(), written.unchanged());
                }));
                }
        }
        finish(jobId, HistoryImportJob.Status.COMPLETED, errors, rejected, file.size());
    }

    private static void count(HistoryImportJob job, int processed, int created, int unchanged) {
        job.processedRows = processed;
        job.createdCount += created;
        job.unchangedCount += unchanged;
        job.heartbeatAt = HistoryImportJobs.now();
    }

    private void finish(UUID jobId, HistoryImportJob.Status status, List<RowError> errors, int rejected, int total) {
        List<RowError> sorted = errors.stream().sorted(Comparator.comparingInt(RowError::row)).toList();
        String report = toJson(sorted);
        progress(jobId, job -> {
            job.status = status.name();
            job.rejectedCount = rejected;
            job.errors = report;
            job.processedRows = total;
            job.finishedAt = HistoryImportJobs.now();
        });
    }

    private void step(UUID jobId, Runnable step) {
        Patience.run("history import " + jobId, patience, step);
    }

    private void progress(UUID jobId, Consumer<HistoryImportJob> change) {
        step(jobId, () -> QuarkusTransaction.requiringNew()
                .run(() -> change.accept(HistoryImportJob.findById(jobId))));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
