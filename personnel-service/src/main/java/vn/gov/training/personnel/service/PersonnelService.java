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
import vn.gov.training.personnel.domain.ScheduledChange;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.persistence.TimeOrderedIds;
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

    /** Where a person the caller may read worked when. */
    public List<PersonAssignment> assignments(UUID id) {
        Person p = access.readable(id);
        return PersonAssignment.history(p.id);
    }

    @Transactional
    public Person register(PersonFields fields) {
        requireValid(fields);
        access.requireUnitWritable(fields.orgUnitCode());
        requireUniqueNationalId(fields.nationalId(), null);
        Person p = new Person();
        p.id = TimeOrderedIds.next();
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
        if (effectiveOn.isAfter(ProvinceTime.today())) {
            schedule(p, ScheduledChange.Kind.TRANSFER, toUnit, null, effectiveOn);
            return p;
        }
        if (toUnit.equals(p.orgUnitCode)) {
            return p;
        }
        moveTo(p, toUnit, effectiveOn, "TRANSFER", "transferred");
        return p;
    }

    /** A change to come, as the person's record shows it. */
    public record Pending(String kind, String toUnitCode, String leftReason, LocalDate effectiveOn) {

        public static Pending of(ScheduledChange c) {
            return new Pending(c.kind.name(), c.toUnitCode, c.leftReason == null ? null : c.leftReason.name(),
                    c.effectiveOn);
        }
    }

    /**
     * A change effective after today is not made now: it is recorded (audited) and applied on its date by
     * {@link ScheduledChanges}, which publishes its event then. A new change of the same kind replaces a pending one.
     */
    private void schedule(Person p, ScheduledChange.Kind kind, String toUnit, LeftReason reason,
                          LocalDate effectiveOn) {
        List<ScheduledChange> replaced = ScheduledChange.list("personId = ?1 and kind = ?2 and appliedAt is null",
                p.id, kind);
        ScheduledChange c = new ScheduledChange();
        c.id = UUID.randomUUID();
        c.personId = p.id;
        c.kind = kind;
        c.toUnitCode = toUnit;
        c.leftReason = reason;
        c.effectiveOn = effectiveOn;
        c.requestedBy = access.callerName();
        c.requestedAt = now();
        c.persist();
        replaced.forEach(ScheduledChange::delete);
        audit.record(AUDIT_TYPE, p.id, kind == ScheduledChange.Kind.TRANSFER ? "transfer-scheduled" : "leave-scheduled",
                replaced.isEmpty() ? null : Pending.of(replaced.get(0)), Pending.of(c));
    }

    /**
     * Applies a scheduled change that has come due, on behalf of {@code actor}: the same change and event as if it
     * had been made on its date. A person who has left meanwhile is not moved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyScheduled(ScheduledChange c, String actor) {
        Person p = Person.findById(c.personId);
        if (p != null && p.status != PersonStatus.LEFT) {
            if (c.kind == ScheduledChange.Kind.TRANSFER && !c.toUnitCode.equals(p.orgUnitCode)) {
                moveTo(p, c.toUnitCode, c.effectiveOn, "TRANSFER", "transferred", actor);
            } else if (c.kind == ScheduledChange.Kind.LEAVE) {
                leaveNow(p, c.leftReason, c.effectiveOn, actor);
            }
        }
        c.appliedAt = now();
    }

    /** Moves a person to another unit from {@code effectiveOn}, e.g. when their unit is merged. */
    public void moveTo(Person p, String toUnit, LocalDate effectiveOn, String reason, String auditAction) {
        moveTo(p, toUnit, effectiveOn, reason, auditAction, null);
    }

    /** The same, audited as {@code actor} (null: the HTTP caller). */
    void moveTo(Person p, String toUnit, LocalDate effectiveOn, String reason, String auditAction, String actor) {
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
        audited(actor, p, auditAction, before);
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
        if (leftOn.isAfter(ProvinceTime.today())) {
            schedule(p, ScheduledChange.Kind.LEAVE, null, reason, leftOn);
            return p;
        }
        leaveNow(p, reason, leftOn, null);
        return p;
    }

    private void leaveNow(Person p, LeftReason reason, LocalDate leftOn, String actor) {
        PersonAssignment current = PersonAssignment.current(p.id);
        PersonSnapshot before = PersonSnapshot.of(p);
        p.status = PersonStatus.LEFT;
        p.leftOn = leftOn;
        p.leftReason = reason;
        p.updatedAt = now();
        if (current != null && leftOn.isAfter(current.validFrom)) {
            current.validTo = leftOn;
        }
        audited(actor, p, "left", before);
        events.publish("left", p, leftOn);
        if (p.accountUsername != null) {
            accountTasks.enqueue(p, AccountTask.Action.DISABLE, null);
        }
    }

    private void audited(String actor, Person p, String action, PersonSnapshot before) {
        if (actor == null) {
            audit.record(AUDIT_TYPE, p.id, action, before, PersonSnapshot.of(p));
        } else {
            audit.recordAs(actor, AUDIT_TYPE, p.id, action, before, PersonSnapshot.of(p));
        }
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
