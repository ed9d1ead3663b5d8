package vn.gov.training.personnel.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.personnel.domain.ImportJob;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.Qualification;
import vn.gov.training.personnel.domain.QualificationSource;
import vn.gov.training.personnel.service.PersonImports.PersonRows;
import vn.gov.training.personnel.service.QualificationService.NewQualification;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.imports.CellError;
import vn.gov.training.platform.imports.Checked;
import vn.gov.training.platform.imports.TabularFile;
import vn.gov.training.platform.imports.Written;
import vn.gov.training.platform.problem.FieldError;

/**
 * Imports people's levels as a background job: each row checked like the single write
 * ({@link QualificationService#validate}), a level the person already holds (same kind, level and award date) left
 * unchanged, the new ones recorded with source IMPORT, audited like the single write, and one
 * {@code qualification-recorded} event per person touched.
 */
@ApplicationScoped
public class QualificationImport implements PersonRecordsImport<NewQualification> {

    private final PersonImports imports;
    private final QualificationService qualifications;
    private final AuditTrail audit;
    private final PersonnelEvents events;

    QualificationImport(PersonImports imports, QualificationService qualifications, AuditTrail audit,
                        PersonnelEvents events) {
        this.imports = imports;
        this.qualifications = qualifications;
        this.audit = audit;
        this.events = events;
    }

    @Override
    public ImportJob.Kind kind() {
        return ImportJob.Kind.QUALIFICATIONS;
    }

    @Override
    public TabularFile.Columns columns() {
        return QualificationImportFormat.TABLE;
    }

    @Override
    public String label() {
        return "Qualification import";
    }

    @Override
    public NewQualification read(TabularFile.Row row, List<CellError> errors) {
        return QualificationImportFormat.qualification(row, errors);
    }

    @Override
    public List<FieldError> validate(Person person, NewQualification q) {
        return qualifications.validate(person, q);
    }

    @Override
    public Object same(NewQualification q) {
        return List.of(q.kind(), q.level(), q.awardedOn());
    }

    @Override
    public String sameField() {
        return "level";
    }

    @Override
    public Checked<PersonRows<NewQualification>> check(List<TabularFile.Row> rows, Set<String> scope) {
        return imports.check(this, rows, scope);
    }

    /** Records the levels the people lack; one event per person with a new level, dated by the latest new award. */
    @Override
    public Written write(List<PersonRows<NewQualification>> chunk, String actor) {
        Map<UUID, Person> people = imports.lock(chunk);
        Map<UUID, List<Qualification>> held = Qualification.ofAll(people.keySet());
        List<AuditTrail.Change> changes = new ArrayList<>();
        List<PersonnelEvents.Dated> touched = new ArrayList<>();
        int unchanged = 0;
        for (PersonRows<NewQualification> rows : chunk) {
            Person p = people.get(rows.personId());
            Set<Object> has = new HashSet<>();
            held.getOrDefault(p.id, List.of()).forEach(q -> has.add(List.of(q.kind, q.level, q.awardedOn)));
            LocalDate latest = null;
            for (NewQualification q : rows.records()) {
                if (has.contains(same(q))) {
                    unchanged++;
                    continue;
                }
                Qualification saved = QualificationService.build(p, q, QualificationSource.IMPORT, null);
                saved.persist();
                changes.add(new AuditTrail.Change(PersonnelService.AUDIT_TYPE, p.id, "qualification-recorded", null,
                        QualificationService.snapshot(saved)));
                latest = latest == null || q.awardedOn().isAfter(latest) ? q.awardedOn() : latest;
            }
            if (latest != null) {
                touched.add(new PersonnelEvents.Dated(p, latest));
            }
        }
        audit.recordAllAs(actor, changes);
        events.publishAll("qualification-recorded", touched);
        return new Written(changes.size(), 0, unchanged);
    }
}
