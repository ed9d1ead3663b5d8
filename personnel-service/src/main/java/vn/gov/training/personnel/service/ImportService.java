package vn.gov.training.personnel.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.gov.training.personnel.domain.ImportJob;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.imports.CellError;
import vn.gov.training.platform.imports.Checked;
import vn.gov.training.platform.imports.ImportJobEntity;
import vn.gov.training.platform.imports.ImportKind;
import vn.gov.training.platform.imports.ImportRunner;
import vn.gov.training.platform.imports.RowError;
import vn.gov.training.platform.imports.TabularFile;
import vn.gov.training.platform.imports.Written;
import vn.gov.training.platform.problem.FieldError;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * Imports a staff list as a background job run by the platform's {@link ImportRunner}: every row validated like the
 * API does, upsert by national ID (an unchanged row changes nothing), in the chosen mode: ALL_OR_NOTHING writes
 * nothing when any row is invalid (the job ends REJECTED), VALID_ROWS writes the valid ones. Progress and row errors
 * are kept on the job.
 */
@ApplicationScoped
public class ImportService implements ImportKind<ImportJob, PersonFields> {

    private static final int CHUNK = 1000;

    private final ImportRunner runner;
    private final PersonValidator validator;
    private final PersonAccess access;
    private final ImportWriter writer;
    private final AuditTrail audit;
    private final PersonnelEvents events;
    private final PersonnelService personnel;
    private final Messages messages;

    ImportService(ImportRunner runner, PersonValidator validator, PersonAccess access, ImportWriter writer,
                  AuditTrail audit, PersonnelEvents events, PersonnelService personnel, Messages messages) {
        this.runner = runner;
        this.validator = validator;
        this.access = access;
        this.writer = writer;
        this.audit = audit;
        this.events = events;
        this.personnel = personnel;
        this.messages = messages;
    }

    /** Checks the file's header, records the job and starts it; returns at once. */
    public ImportJob start(byte[] content, String fileName, ImportJob.Mode mode) {
        PersonAccess.Visibility visibility = access.writeScope();
        return runner.start(this, content, fileName, mode, access.callerName(),
                visibility.all() ? null : visibility.units());
    }

    @Override
    public TabularFile.Columns columns() {
        return ImportFormat.TABLE;
    }

    @Override
    public ImportJob newJob() {
        return new ImportJob();
    }

    @Override
    public Class<ImportJob> jobType() {
        return ImportJob.class;
    }

    @Override
    public String label() {
        return "Import";
    }

    @Override
    public int chunkSize() {
        return CHUNK;
    }

    @Override
    public ImportJobEntity.Status rejected() {
        return ImportJobEntity.Status.REJECTED;
    }

    @Override
    public String conflictCode() {
        return "duplicate-record";
    }

    @Override
    public String failureCode() {
        return "internal-error";
    }

    @Override
    public boolean conflict(RuntimeException failure) {
        return ImportKind.super.conflict(failure)
                || failure instanceof ImportWriter.ImportBatchException batch && batch.constraintViolated();
    }

    /** A file that cannot be read at all is answered with the template's headings. */
    @Override
    public List<String> namedWhenUnreadable() {
        return List.copyOf(ImportFormat.COLUMNS.keySet());
    }

    /** Each row validated like the API does; a row of a unit (or a record held by a unit) outside the scope refused. */
    @Override
    public Checked<PersonFields> check(List<TabularFile.Row> rows, Set<String> scope) {
        ReferenceCodes codes = QuarkusTransaction.requiringNew().call(ReferenceCodes::current);
        List<RowError> errors = new ArrayList<>();
        List<PersonFields> valid = new ArrayList<>(rows.size());
        List<Integer> validRows = new ArrayList<>(rows.size());
        Map<String, Integer> seen = new HashMap<>();
        for (TabularFile.Row row : rows) {
            List<FieldError> rowErrors = new ArrayList<>();
            List<CellError> cellErrors = new ArrayList<>();
            PersonFields fields = ImportFormat.fields(row, cellErrors);
            cellErrors.forEach(e -> rowErrors.add(validator.error(e.field(), e.code(), e.arg())));
            Set<String> unreadable = new HashSet<>();
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
        return new Checked<>(valid, errors);
    }

    /** Upserts one chunk: new national IDs inserted in batches, changed records updated, equal ones left alone. */
    @Override
    public Written write(List<PersonFields> chunk, String actor) {
        int updated = 0;
        int unchanged = 0;
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
                unchanged++;
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
            updated++;
        }
        writer.insert(created, actor);
        return new Written(created.size(), updated, unchanged);
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
        errors.sort(Comparator.comparingInt(RowError::row));
    }
}
