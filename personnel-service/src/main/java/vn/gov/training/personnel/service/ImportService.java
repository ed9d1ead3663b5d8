package vn.gov.training.personnel.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.gov.training.personnel.domain.ImportJob;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.Failures;
import vn.gov.training.platform.problem.FieldError;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.resilience.Patience;
import vn.gov.training.platform.resilience.TransientFailure;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * Imports a staff list as a background job: every row validated like the API does, upsert by national ID (an
 * unchanged row changes nothing), in the chosen mode: ALL_OR_NOTHING writes nothing when any row is invalid,
 * VALID_ROWS writes the valid ones. Progress and row errors are kept on the job.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final int CHUNK = 1000;

    /** One row-level error of the report. */
    public record RowError(int row, String field, String code, String message) {
    }

    private final ManagedExecutor executor;
    private final PersonValidator validator;
    private final PersonAccess access;
    private final ImportWriter writer;
    private final AuditTrail audit;
    private final PersonnelEvents events;
    private final PersonnelService personnel;
    private final Messages messages;
    private final ObjectMapper json;
    private final ImportJobs jobs;

    /** How long a running import waits for its database (or a lock) before it ends FAILED. */
    @ConfigProperty(name = "training.imports.outage-patience", defaultValue = "10m")
    Duration patience;

    ImportService(ManagedExecutor executor, PersonValidator validator, PersonAccess access, ImportWriter writer,
                  AuditTrail audit, PersonnelEvents events, PersonnelService personnel, Messages messages,
                  ObjectMapper json, ImportJobs jobs) {
        this.jobs = jobs;
        this.executor = executor;
        this.validator = validator;
        this.access = access;
        this.writer = writer;
        this.audit = audit;
        this.events = events;
        this.personnel = personnel;
        this.messages = messages;
        this.json = json;
    }

    /** Checks the file's header, records the job and starts it; returns at once. */
    public ImportJob start(byte[] content, String fileName, ImportJob.Mode mode) {
        List<String> missing;
        try {
            missing = ImportFormat.missingColumns(content);
        } catch (RuntimeException unreadable) {
            throw ProblemException.invalid("import-format", String.join(", ", ImportFormat.COLUMNS.keySet()));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("import-format", String.join(", ", missing));
        }
        String actor = access.callerName();
        PersonAccess.Visibility visibility = access.writeScope();
        Set<String> scope = visibility.all() ? null : visibility.units();
        UUID id = UUID.randomUUID();
        jobs.started(id);
        ImportJob job;
        try {
            job = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob j = new ImportJob();
            j.id = id;
            j.worker = jobs.instance();
            j.fileName = fileName;
            j.mode = mode.name();
            j.status = ImportJob.Status.RUNNING.name();
            j.createdBy = actor;
            j.startedAt = PersonnelService.now();
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

    private void runInRequestContext(UUID jobId, byte[] content, ImportJob.Mode mode, String actor, Set<String> scope) {
        // messages and the audit trail look for a request; this job has none (texts default to Vietnamese)
        var context = Arc.container().requestContext();
        context.activate();
        try {
            run(jobId, content, mode, actor, scope);
        } catch (RuntimeException e) {
            // the messages of database failures name the rows' values (national IDs): types and SQL states only
            LOG.errorf("Import %s failed: %s", jobId, Failures.describe(e));
            boolean conflict = Failures.constraintViolation(e).isPresent()
                    || e instanceof ImportWriter.ImportBatchException batch && batch.constraintViolated();
            // an outage that outlasted the patience: the committed rows stay, the same file finishes the job
            String code = conflict ? "duplicate-record"
                    : TransientFailure.isTransient(e) ? "import-interrupted" : "internal-error";
            try {
                step(jobId, () -> QuarkusTransaction.requiringNew().run(() -> {
                    ImportJob job = ImportJob.findById(jobId);
                    job.status = ImportJob.Status.FAILED.name();
                    job.errors = toJson(List.of(new RowError(0, null, code,
                            messages.get("problem." + code + ".detail", job.processedRows, job.totalRows))));
                    job.finishedAt = PersonnelService.now();
                }));
            } catch (RuntimeException stillOut) {
                // left RUNNING without a worker: ImportJobs ends it when the database returns
                LOG.warnf("Import %s: its failure could not be recorded (%s)", jobId, Failures.describe(stillOut));
            }
        } finally {
            jobs.ended(jobId);
            context.terminate();
        }
    }

    void run(UUID jobId, byte[] content, ImportJob.Mode mode, String actor, Set<String> scope) {
        List<ImportFormat.Row> rows = ImportFormat.read(content);
        progress(jobId, job -> job.totalRows = rows.size());
        ReferenceCodes codes = Patience.call("import " + jobId, patience,
                () -> QuarkusTransaction.requiringNew().call(ReferenceCodes::current));

        List<RowError> errors = new ArrayList<>();
        List<PersonFields> valid = new ArrayList<>(rows.size());
        List<Integer> validRows = new ArrayList<>(rows.size());
        Map<String, Integer> seen = new HashMap<>();
        for (ImportFormat.Row row : rows) {
            List<FieldError> rowErrors = new ArrayList<>();
            List<ImportFormat.CellError> cellErrors = new ArrayList<>();
            PersonFields fields = ImportFormat.fields(row, cellErrors);
            cellErrors.forEach(e -> rowErrors.add(validator.error(e.field(), e.code(), e.arg())));
            Set<String> unreadable = new java.util.HashSet<>();
            cellErrors.forEach(e -> unreadable.add(e.field()));
            validator.validate(fields, codes).stream().filter(e -> !unreadable.contains(e.field()))
                    .forEach(rowErrors::add);
            if (scope != null && fields.orgUnitCode() != null && !scope.contains(fields.orgUnitCode())) {
                rowErrors.add(new FieldError("orgUnitCode", "unit-out-of-scope",
                        messages.get("problem.unit-out-of-scope.detail", fields.orgUnitCode())));
            }
            if (fields.nationalId() != null) {
                Integer first = seen.putIfAbsent(fields.nationalId(), row.number());
                if (first != null) {
                    rowErrors.add(validator.error("nationalId", "duplicate-in-file", first));
                }
            }
            if (rowErrors.isEmpty()) {
                valid.add(fields);
                validRows.add(row.number());
            } else {
                rowErrors.forEach(e -> errors.add(new RowError(row.number(), e.field(), e.code(), e.message())));
            }
        }

        if (scope != null) {
            rejectRecordsOutsideScope(valid, validRows, scope, errors);
        }
        if (mode == ImportJob.Mode.ALL_OR_NOTHING && !errors.isEmpty()) {
            finish(jobId, ImportJob.Status.REJECTED, errors, rows.size());
            return;
        }
        // The job's counters are updated in the transaction that writes the rows they count: true at every moment,
        // also after a crash. A chunk failed by an outage is written again when the database is back (Patience);
        // one whose commit went through although its answer was lost is recognised by the committed progress.
        if (mode == ImportJob.Mode.ALL_OR_NOTHING) {
            step(jobId, () -> QuarkusTransaction.requiringNew().timeout(600).run(() -> {
                ImportJob job = ImportJob.findById(jobId);
                if (job.processedRows >= rows.size()) {
                    return;
                }
                int[] written = new int[3];
                for (int from = 0; from < valid.size(); from += CHUNK) {
                    writeChunk(valid.subList(from, Math.min(valid.size(), from + CHUNK)), actor, written);
                }
                count(job, rows.size(), written);
            }));
        } else {
            for (int from = 0; from < valid.size(); from += CHUNK) {
                int to = Math.min(valid.size(), from + CHUNK);
                List<PersonFields> chunk = valid.subList(from, to);
                int done = Math.min(rows.size(), to + errors.size());
                step(jobId, () -> QuarkusTransaction.requiringNew().timeout(300).run(() -> {
                    ImportJob job = ImportJob.findById(jobId);
                    if (job.processedRows >= done) {
                        return;
                    }
                    int[] written = new int[3];
                    writeChunk(chunk, actor, written);
                    count(job, done, written);
                }));
            }
        }
        finish(jobId, ImportJob.Status.COMPLETED, errors, rows.size());
    }

    /** Upserts one chunk: new national IDs inserted in batches, changed records updated, equal ones left alone. */
    private void writeChunk(List<PersonFields> chunk, String actor, int[] counts) {
        Map<String, Person> existing = new HashMap<>();
        Person.<Person>list("nationalId in ?1", chunk.stream().map(PersonFields::nationalId).toList())
                .forEach(p -> existing.put(p.nationalId, p));
        List<PersonFields> created = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            PersonFields fields = chunk.get(i);
            Person p = existing.get(fields.nationalId());
            if (p == null) {
                created.add(fields);
                continue;
            }
            if (PersonFields.of(p).equals(fields)) {
                counts[2]++;
                continue;
            }
            PersonSnapshot before = PersonSnapshot.of(p);
            String oldUnit = p.orgUnitCode;
            new PersonFields(fields.nationalId(), fields.fullName(), fields.dateOfBirth(), fields.gender(),
                    fields.ethnicity(), fields.category(), oldUnit, fields.jobPositionCode(), fields.titleCode(),
                    fields.rankCode(), fields.managementTier(), fields.startedServiceOn(), fields.email(),
                    fields.phone()).applyTo(p);
            p.updatedAt = PersonnelService.now();
            if (!PersonSnapshot.of(p).equals(before)) {
                audit.recordAs(actor, PersonnelService.AUDIT_TYPE, p.id, "updated", before, PersonSnapshot.of(p));
                events.publish("updated", p, ProvinceTime.today());
            }
            if (!oldUnit.equals(fields.orgUnitCode())) {
                personnel.moveTo(p, fields.orgUnitCode(), ProvinceTime.today(), "TRANSFER", "transferred");
            }
            counts[1]++;
        }
        writer.insert(created, actor);
        counts[0] += created.size();
    }

    /** A unit officer may not overwrite a record held by a unit outside their subtree: those rows become errors. */
    private void rejectRecordsOutsideScope(List<PersonFields> valid, List<Integer> validRows, Set<String> scope,
                                           List<RowError> errors) {
        Map<String, String> unitOf = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int from = 0; from < valid.size(); from += CHUNK) {
                List<String> ids = valid.subList(from, Math.min(valid.size(), from + CHUNK)).stream()
                        .map(PersonFields::nationalId).toList();
                Person.<Person>list("nationalId in ?1", ids).forEach(p -> unitOf.put(p.nationalId, p.orgUnitCode));
            }
        });
        for (int i = valid.size() - 1; i >= 0; i--) {
            String unit = unitOf.get(valid.get(i).nationalId());
            if (unit != null && !scope.contains(unit)) {
                errors.add(new RowError(validRows.get(i), "orgUnitCode", "unit-out-of-scope",
                        messages.get("problem.unit-out-of-scope.detail", unit)));
                valid.remove(i);
                validRows.remove(i);
            }
        }
        errors.sort(java.util.Comparator.comparingInt(RowError::row));
    }

    /** Ends the job; its row counters are those committed with the rows. */
    private void finish(UUID jobId, ImportJob.Status status, List<RowError> errors, int total) {
        String report = toJson(errors);
        long errorRows = errors.stream().map(RowError::row).distinct().count();
        progress(jobId, job -> {
            job.status = status.name();
            job.errorCount = (int) errorRows;
            job.errors = report;
            job.processedRows = total;
            job.finishedAt = PersonnelService.now();
        });
    }

    /** Adds to the job's counters inside the transaction that wrote the rows they count. */
    private static void count(ImportJob job, int processed, int[] written) {
        job.processedRows = processed;
        job.createdCount += written[0];
        job.updatedCount += written[1];
        job.unchangedCount += written[2];
        job.heartbeatAt = PersonnelService.now();
    }

    private void step(UUID jobId, Runnable step) {
        Patience.run("import " + jobId, patience, step);
    }

    private void progress(UUID jobId, java.util.function.Consumer<ImportJob> change) {
        step(jobId, () -> QuarkusTransaction.requiringNew().run(() -> change.accept(ImportJob.findById(jobId))));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
