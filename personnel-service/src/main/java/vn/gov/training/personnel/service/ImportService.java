package vn.gov.training.personnel.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
import vn.gov.training.platform.imports.ImportRunner;
import vn.gov.training.platform.imports.RowError;
import vn.gov.training.platform.imports.TabularFile;
import vn.gov.training.platform.imports.Written;
import vn.gov.training.platform.problem.FieldError;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * Imports a staff list as a background job run by the platform's {@link ImportRunner}: every row validated like the
 * API does, upsert by national ID (an unchanged row changes nothing), in the chosen mode: ALL_OR_NOTHING writes
 * nothing when any row is invalid (the job ends REJECTED), VALID_ROWS writes the valid ones. Progress and row errors
 * are kept on the job.
 */
@ApplicationScoped
public class ImportService implements PersonImportKind<PersonFields> {

    private final PersonImports imports;
    private final PersonValidator validator;
    private final ImportWriter writer;
    private final AuditTrail audit;
    private final PersonnelEvents events;
    private final PersonnelService personnel;

    ImportService(PersonImports imports, PersonValidator validator, ImportWriter writer, AuditTrail audit,
                  PersonnelEvents events, PersonnelService personnel) {
        this.imports = imports;
        this.validator = validator;
        this.writer = writer;
        this.audit = audit;
        this.events = events;
        this.personnel = personnel;
    }

    @Override
    public ImportJob.Kind kind() {
        return ImportJob.Kind.STAFF;
    }

    @Override
    public TabularFile.Columns columns() {
        return ImportFormat.TABLE;
    }

    @Override
    public String label() {
        return "Import";
    }

    @Override
    public boolean conflict(RuntimeException failure) {
        return PersonImportKind.super.conflict(failure)
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
            List<CellError> cellErrors = new ArrayList<>();
            PersonFields fields = ImportFormat.fields(row, cellErrors);
            List<FieldError> rowErrors = imports.rowErrors(cellErrors, validator.validate(fields, codes));
            if (scope != null && fields.orgUnitCode() != null && !scope.contains(fields.orgUnitCode())) {
                rowErrors.add(imports.outOfScope("orgUnitCode", fields.orgUnitCode()));
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
        Map<String, Person> held = imports.byNationalId(valid.stream().map(PersonFields::nationalId).toList());
        for (int i = valid.size() - 1; i >= 0; i--) {
            Person holder = held.get(valid.get(i).nationalId());
            if (holder != null && !scope.contains(holder.orgUnitCode)) {
                FieldError error = imports.outOfScope("orgUnitCode", holder.orgUnitCode);
                errors.add(new RowError(validRows.get(i), error.field(), error.code(), error.message()));
                valid.remove(i);
                validRows.remove(i);
            }
        }
        errors.sort(Comparator.comparingInt(RowError::row));
    }
}
