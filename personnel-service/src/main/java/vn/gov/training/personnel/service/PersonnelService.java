package vn.gov.training.personnel.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.personnel.domain.AccountTask;
import vn.gov.training.personnel.domain.JobPosition;
import vn.gov.training.personnel.domain.LeftReason;
import vn.gov.training.personnel.domain.OrgUnitVersion;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.PersonAssignment;
import vn.gov.training.personnel.domain.PersonStatus;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.FieldError;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * Registers and changes staff records. Every change is audited with before and after, published with the
 * person's full state, and, when the person has an account, queued for Keycloak in the same transaction.
 */
@ApplicationScoped
public class PersonnelService {

    public static final String AUDIT_TYPE = "person";

    private final PersonValidator validator;
    private final PersonAccess access;
    private final PersonnelEvents events;
    private final AuditTrail audit;
    private final AccountTasks accountTasks;

    PersonnelService(PersonValidator validator, PersonAccess access, PersonnelEvents events, AuditTrail audit,
                     AccountTasks accountTasks) {
        this.validator = validator;
        this.access = access;
        this.events = events;
        this.audit = audit;
        this.accountTasks = accountTasks;
    }

    @Transactional
    public Person register(PersonFields fields) {
        requireValid(fields);
        access.requireUnitWritable(fields.orgUnitCode());
        requireUniqueNationalId(fields.nationalId(), null);
        Person p = new Person();
        p.id = UUID.randomUUID();
        fields.applyTo(p);
        p.status = PersonStatus.ACTIVE;
        p.createdAt = now();
        p.updatedAt = p.createdAt;
        p.persist();
        LocalDate from = p.startedServiceOn != null ? p.startedServiceOn : ProvinceTime.today();
        PersonAssignment.open(p.id, p.orgUnitCode, from, "HIRED");
        audit.record(AUDIT_TYPE, p.id, "registered", null, PersonSnapshot.of(p));
        events.publish("registered", p, from);
        return p;
    }

    /** Changes the fields given (null = unchanged). The unit changes only by a transfer. */
    @Transactional
    public Person update(UUID id, PersonPatch patch) {
        Person p = access.writable(id);
        PersonSnapshot before = PersonSnapshot.of(p);
        PersonFields merged = patch.mergeInto(PersonFields.of(p));
        requireValid(merged);
        requireUniqueNationalId(merged.nationalId(), p.id);
        merged.applyTo(p);
        if (patch.status() != null) {
            if (p.status == PersonStatus.LEFT) {
                throw ProblemException.conflict("person-left", p.id);
            }
            if (patch.status() == PersonStatus.LEFT) {
                throw ProblemException.invalid(List.of(validator.error("status", "use-leave")));
            }
            p.status = patch.status();
        }
        PersonSnapshot after = PersonSnapshot.of(p);
        if (!after.equals(before)) {
            p.updatedAt = now();
            audit.record(AUDIT_TYPE, p.id, "updated", before, after);
            events.publish("updated", p, ProvinceTime.today());
            if (p.accountUsername != null) {
                accountTasks.enqueue(p, AccountTask.Action.SYNC, null);
            }
        }
        return p;
    }

    @Transactional
    public Person transfer(UUID id, String toUnit, LocalDate effectiveOn) {
        Person p = access.writable(id);
        if (p.status == PersonStatus.LEFT) {
            throw ProblemException.conflict("person-left", p.id);
        }
        if (toUnit == null || OrgUnitVersion.on(toUnit, effectiveOn).isEmpty()) {
            throw ProblemException.invalid(List.of(validator.error("orgUnitCode", "unknown-unit", toUnit)));
        }
        // the destination is checked like the record: a transfer must not move a person (and the scope of their
        // account, whose org_unit follows the person) out of the caller's subtree
        access.requireUnitWritable(toUnit);
        if (toUnit.equals(p.orgUnitCode)) {
            return p;
        }
        moveTo(p, toUnit, effectiveOn, "TRANSFER", "transferred");
        return p;
    }

    /** Moves a person to another unit from {@code effectiveOn}, e.g. when their unit is merged. */
    public void moveTo(Person p, String toUnit, LocalDate effectiveOn, String reason, String auditAction) {
        PersonAssignment current = PersonAssignment.current(p.id);
        if (current != null && effectiveOn.isBefore(current.validFrom)) {
            throw ProblemException.invalid(List.of(validator.error("effectiveOn", "before-assignment",
                    current.validFrom)));
        }
        PersonSnapshot before = PersonSnapshot.of(p);
        if (current != null) {
            if (current.validFrom.equals(effectiveOn)) {
                current.delete();
            } else {
                current.validTo = effectiveOn;
            }
        }
        PersonAssignment.open(p.id, toUnit, effectiveOn, reason);
        p.orgUnitCode = toUnit;
        if (p.jobPositionCode != null && !positionServes(p.jobPositionCode, toUnit, effectiveOn)) {
            p.jobPositionCode = null; // a job position of the old unit is not held in the new one
        }
        p.updatedAt = now();
        audit.record(AUDIT_TYPE, p.id, auditAction, before, PersonSnapshot.of(p));
        events.publish("transferred", p, effectiveOn);
        if (p.accountUsername != null) {
            accountTasks.enqueue(p, AccountTask.Action.SYNC, null);
        }
    }

    @Transactional
    public Person leave(UUID id, LeftReason reason, LocalDate leftOn) {
        Person p = access.writable(id);
        if (p.status == PersonStatus.LEFT) {
            throw ProblemException.conflict("person-left", p.id);
        }
        if (reason == null) {
            throw ProblemException.invalid(List.of(validator.error("reason", "required")));
        }
        PersonAssignment current = PersonAssignment.current(p.id);
        if (current != null && leftOn.isBefore(current.validFrom)) {
            throw ProblemException.invalid(List.of(validator.error("leftOn", "before-assignment",
                    current.validFrom)));
        }
        PersonSnapshot before = PersonSnapshot.of(p);
        p.status = PersonStatus.LEFT;
        p.leftOn = leftOn;
        p.leftReason = reason;
        p.updatedAt = now();
        if (current != null && leftOn.isAfter(current.validFrom)) {
            current.validTo = leftOn;
        }
        audit.record(AUDIT_TYPE, p.id, "left", before, PersonSnapshot.of(p));
        events.publish("left", p, leftOn);
        if (p.accountUsername != null) {
            accountTasks.enqueue(p, AccountTask.Action.DISABLE, null);
        }
        return p;
    }

    private static boolean positionServes(String position, String unit, LocalDate on) {
        JobPosition jobPosition = JobPosition.findById(position);
        return jobPosition == null || jobPosition.servesUnit(unit, on);
    }

    void requireValid(PersonFields fields) {
        List<FieldError> errors = validator.validate(fields, ReferenceCodes.current());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /**
     * 409 when another record has the national ID; it names that record ({@code existingId}) only when the caller
     * may see it, so the check does not tell a unit officer which record of another unit holds an ID.
     */
    void requireUniqueNationalId(String nationalId, UUID self) {
        Person existing = Person.byNationalId(nationalId);
        if (existing != null && !existing.id.equals(self)) {
            ProblemException duplicate = ProblemException.conflict("person-exists");
            throw access.canRead(existing) ? duplicate.with("existingId", existing.id) : duplicate;
        }
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
