package vn.gov.training.personnel.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.gov.training.personnel.domain.ImportJob;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.platform.imports.CellError;
import vn.gov.training.platform.imports.Checked;
import vn.gov.training.platform.imports.ImportRunner;
import vn.gov.training.platform.imports.RowError;
import vn.gov.training.platform.imports.TabularFile;
import vn.gov.training.platform.problem.FieldError;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Caller;

/**
 * What personnel-service's imports share: a job started in the caller's write scope and read back by its own import
 * only, the people a file names looked up a thousand national IDs at a time, a row's errors, and for the imports of
 * records held by people ({@link PersonRecordsImport}) the whole check of their rows and the lock of the people a
 * write touches.
 */
@ApplicationScoped
public class PersonImports {

    static final int CHUNK = 1000;

    /** The valid records of one person in a file, in row order. */
    public record PersonRows<R>(UUID personId, List<R> records) {
    }

    private final ImportRunner runner;
    private final PersonAccess access;
    private final PersonValidator validator;
    private final Messages messages;
    private final Caller caller;

    PersonImports(ImportRunner runner, PersonAccess access, PersonValidator validator, Messages messages,
                  Caller caller) {
        this.runner = runner;
        this.access = access;
        this.validator = validator;
        this.messages = messages;
        this.caller = caller;
    }

    /** Checks the file's header, records the job and starts it in the caller's write scope; returns at once. */
    public ImportJob start(PersonImportKind<?> kind, byte[] content, String fileName, ImportJob.Mode mode) {
        PersonAccess.Visibility visibility = access.writeScope();
        return runner.start(kind, content, fileName, mode, access.callerName(),
                visibility.all() ? null : visibility.units());
    }

    /** A job of the {@code kind} import as the caller may see it; a job of another import is not found. */
    public ImportJob job(ImportJob.Kind kind, UUID id) {
        ImportJob job = runner.job(ImportJob.class, id, caller);
        if (job.kind != kind) {
            throw ProblemException.notFound("import-not-found", id);
        }
        return job;
    }

    /** The people holding these national IDs, by national ID, read in a transaction of its own. */
    Map<String, Person> byNationalId(Collection<String> nationalIds) {
        List<String> ids = List.copyOf(nationalIds);
        Map<String, Person> people = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (List<String> chunk : ImportRunner.chunks(ids, CHUNK)) {
                Person.<Person>list("nationalId in ?1", chunk).forEach(p -> people.put(p.nationalId, p));
            }
        });
        return people;
    }

    /** The error of a row naming, in {@code field}, a unit (or a person of a unit) outside the caller's scope. */
    FieldError outOfScope(String field, String unitCode) {
        return new FieldError(field, "unit-out-of-scope", messages.get("problem.unit-out-of-scope.detail", unitCode));
    }

    /** A row's errors: its unreadable cells, then the checks of the fields that could be read. */
    List<FieldError> rowErrors(List<CellError> unreadable, List<FieldError> checks) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> fields = new HashSet<>();
        for (CellError e : unreadable) {
            errors.add(validator.error(e.field(), e.code(), e.arg()));
            fields.add(e.field());
        }
        checks.stream().filter(e -> !fields.contains(e.field())).forEach(errors::add);
        return errors;
    }

    /**
     * Checks the rows of a records file: the person named by national ID exists and is in the scope (null: every
     * unit), the record passes the single write's checks, and no row repeats another's record; the valid records are
     * grouped by person, in the order of their first row.
     */
    <R> Checked<PersonRows<R>> check(PersonRecordsImport<R> kind, List<TabularFile.Row> rows, Set<String> scope) {
        Map<String, Person> people = byNationalId(rows.stream().map(row -> row.cell("nationalId"))
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        List<RowError> errors = new ArrayList<>();
        Map<UUID, List<R>> valid = new LinkedHashMap<>();
        Map<List<Object>, Integer> seen = new HashMap<>();
        for (TabularFile.Row row : rows) {
            List<CellError> unreadable = new ArrayList<>();
            R record = kind.read(row, unreadable);
            String nationalId = row.cell("nationalId");
            Person person = nationalId == null ? null : people.get(nationalId);
            List<FieldError> checks = new ArrayList<>();
            if (person == null) {
                checks.add(validator.error("nationalId", nationalId == null ? "required" : "unknown-person"));
            } else if (scope != null && !scope.contains(person.orgUnitCode)) {
                checks.add(outOfScope("nationalId", person.orgUnitCode));
            } else {
                checks.addAll(kind.validate(person, record));
            }
            List<FieldError> rowErrors = rowErrors(unreadable, checks);
            if (rowErrors.isEmpty()) {
                Integer first = seen.putIfAbsent(List.of(person.id, kind.same(record)), row.number());
                if (first != null) {
                    rowErrors = List.of(validator.error(kind.sameField(), "repeated-in-file", first));
                }
            }
            if (rowErrors.isEmpty()) {
                valid.computeIfAbsent(person.id, id -> new ArrayList<>()).add(record);
            } else {
                rowErrors.forEach(e -> errors.add(new RowError(row.number(), e.field(), e.code(), e.message())));
            }
        }
        List<PersonRows<R>> grouped = new ArrayList<>(valid.size());
        valid.forEach((id, records) -> grouped.add(new PersonRows<>(id, records)));
        return new Checked<>(grouped, errors);
    }

    /**
     * The people of a chunk, locked in the caller's transaction as a single write locks one person (two writes of
     * one person's records at once make no duplicates); by id.
     */
    <R> Map<UUID, Person> lock(List<PersonRows<R>> chunk) {
        List<UUID> ids = chunk.stream().map(PersonRows::personId).toList();
        return Person.<Person>find("id in ?1 order by id", ids).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
    }
}
