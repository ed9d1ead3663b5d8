package vn.gov.training.personnel.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.PlanStatus;
import vn.gov.training.personnel.domain.Qualification;
import vn.gov.training.personnel.domain.QualificationEvidence;
import vn.gov.training.personnel.domain.QualificationKind;
import vn.gov.training.personnel.domain.QualificationSource;
import vn.gov.training.personnel.domain.RoleType;
import vn.gov.training.personnel.domain.Standard;
import vn.gov.training.personnel.domain.SuccessionPlan;
import vn.gov.training.personnel.nationalsync.service.NationalChanges;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.persistence.TimeOrderedIds;
import vn.gov.training.platform.problem.FieldError;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.time.ProvinceTime;

/** A person's qualifications, the levels they give on a date, and the gaps against the standards of their roles. */
@ApplicationScoped
public class QualificationService {

    public record NewQualification(QualificationKind kind, String level, LocalDate awardedOn, String institution,
                                   String credentialNumber) {
    }

    public record LevelHeld(QualificationKind kind, String level, LocalDate awardedOn) {
    }

    /** One missing requirement: for which role, what is needed, what the person has, and what closes it. */
    public record Gap(String role, String roleCode, QualificationKind kind, String requiredLevel, String currentLevel,
                      String programCategory, String programLevel) {
    }

    private final PersonAccess access;
    private final AuditTrail audit;
    private final PersonnelEvents events;
    private final PersonValidator validator;
    private final NationalChanges nationalChanges;

    QualificationService(PersonAccess access, AuditTrail audit, PersonnelEvents events, PersonValidator validator,
                         NationalChanges nationalChanges) {
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.validator = validator;
        this.nationalChanges = nationalChanges;
    }

    /** A recorded qualification; {@code created} false when the person already had the same one. */
    public record Recorded(Qualification qualification, boolean created) {
    }

    /**
     * Records a qualification entered by hand. The same qualification (kind, level, date) recorded again is the one
     * already there: no second row, no second event.
     */
    /** A qualification with the name of its evidence file, if one is attached. */
    public record Held(Qualification qualification, String evidenceFileName) {
    }

    /** Every qualification recorded for a person the caller may read. */
    public List<Held> ofPerson(UUID personId) {
        Person p = access.readable(personId);
        Map<UUID, String> evidence = QualificationEvidence.fileNames(p.id);
        return Qualification.of(p.id).stream().map(q -> new Held(q, evidence.get(q.id))).toList();
    }

    @Transactional
    public Recorded recordManual(UUID personId, NewQualification q) {
        Person p = access.writable(personId);
        List<FieldError> errors = validate(p, q);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        lockQualificationsOf(p);
        Qualification existing = same(p, q);
        if (existing != null) {
            return new Recorded(existing, false);
        }
        Qualification saved = save(p, q, QualificationSource.MANUAL, null);
        audit.record(PersonnelService.AUDIT_TYPE, p.id, "qualification-recorded", null, snapshot(saved));
        events.publish("qualification-recorded", p, saved.awardedOn);
        return new Recorded(saved, true);
    }

    /**
     * One person's qualifications are recorded one request at a time (the person's row lock), so two identical
     * requests at once still make one row.
     */
    private static void lockQualificationsOf(Person p) {
        Person.getEntityManager().createNativeQuery("select id from person where id = ?1 for update")
                .setParameter(1, p.id).getResultList();
    }

    /** The person's qualification of the same kind and level awarded on the same date, if any. */
    private static Qualification same(Person p, NewQualification q) {
        return Qualification.find("personId = ?1 and kind = ?2 and level = ?3 and awardedOn = ?4 order by createdAt",
                p.id, q.kind(), q.level(), q.awardedOn()).firstResult();
    }

    /**
     * Locks the qualifications of a batch's people ({@link #lockQualificationsOf}, in one order, so batches and single
     * writes never wait for each other in a circle); the batch then reads their records ({@link PersonRecords}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockQualificationsOf(Collection<UUID> people) {
        if (!people.isEmpty()) {
            Person.getEntityManager().createNativeQuery("select id from person where id in (?1) order by id for update")
                    .setParameter(1, people).getResultList();
        }
    }

    /**
     * Records the level granted by a completed enrolment, once per enrolment, for a person of a batch whose
     * qualifications are locked ({@link #lockQualificationsOf(Collection)}) and read in {@code records}; returns
     * false when it was already recorded (a redelivered or replayed event) or the person holds the same level.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordFromEnrolment(Person p, String enrolmentId, NewQualification q, String actor,
                                       PersonRecords records) {
        List<Qualification> held = records.qualifications(p.id);
        if (held.stream().anyMatch(x -> x.source == QualificationSource.ENROLMENT && enrolmentId.equals(x.sourceRef))
                || held.stream().anyMatch(x -> same(x, q))) {
            return false; // already recorded (by this enrolment, by hand or by another enrolment): one qualification
        }
        Qualification saved = save(p, q, QualificationSource.ENROLMENT, enrolmentId);
        records.added(saved);
        audit.recordAs(actor, PersonnelService.AUDIT_TYPE, p.id, "qualification-recorded", null, snapshot(saved));
        events.publish("qualification-recorded", p, saved.awardedOn, records);
        nationalChanges.levelRecorded(p, saved);
        return true;
    }

    private static boolean same(Qualification held, NewQualification q) {
        return held.kind == q.kind() && held.level.equals(q.level()) && held.awardedOn.equals(q.awardedOn());
    }

    public List<FieldError> validate(Person p, NewQualification q) {
        List<FieldError> errors = new ArrayList<>();
        if (q.kind() == null) {
            errors.add(validator.error("kind", "required"));
        } else if (!q.kind().accepts(q.level())) {
            errors.add(validator.error("level", "unknown-level", q.level(), q.kind()));
        }
        if (q.awardedOn() == null) {
            errors.add(validator.error("awardedOn", "required"));
        } else if (q.awardedOn().isAfter(ProvinceTime.today()) || q.awardedOn().isBefore(p.dateOfBirth.plusYears(10))) {
            errors.add(validator.error("awardedOn", "award-date-implausible"));
        }
        return errors;
    }

    private static Qualification save(Person p, NewQualification q, QualificationSource source, String ref) {
        Qualification saved = build(p, q, source, ref);
        saved.persist();
        return saved;
    }

    /** A new qualification of the person, not yet persisted. */
    static Qualification build(Person p, NewQualification q, QualificationSource source, String ref) {
        Qualification saved = new Qualification();
        saved.id = TimeOrderedIds.next();
        saved.personId = p.id;
        saved.kind = q.kind();
        saved.level = q.level();
        saved.awardedOn = q.awardedOn();
        saved.institution = q.institution();
        saved.credentialNumber = q.credentialNumber();
        saved.source = source;
        saved.sourceRef = ref;
        saved.createdAt = PersonnelService.now();
        return saved;
    }

    /** The highest level of each kind held on {@code at}; for free-coded levels the latest awarded. */
    public static Map<QualificationKind, LevelHeld> levelsOn(UUID personId, LocalDate at) {
        return levelsOn(Qualification.of(personId), at);
    }

    /** As {@link #levelsOn(UUID, LocalDate)}, of the qualifications of one person as the caller has read them. */
    static Map<QualificationKind, LevelHeld> levelsOn(List<Qualification> qualifications, LocalDate at) {
        Map<QualificationKind, LevelHeld> best = new EnumMap<>(QualificationKind.class);
        for (Qualification q : qualifications) {
            if (q.awardedOn.isAfter(at)) {
                continue;
            }
            LevelHeld held = best.get(q.kind);
            if (held == null || q.kind.rank(q.level) >= q.kind.rank(held.level())) {
                best.put(q.kind, new LevelHeld(q.kind, q.level, q.awardedOn));
            }
        }
        return best;
    }

    /** Missing requirements of the person's title, job position and every title they are actively planned for. */
    public List<Gap> gaps(Person p, LocalDate at) {
        Map<QualificationKind, LevelHeld> held = levelsOn(p.id, at);
        List<Gap> gaps = new ArrayList<>();
        if (p.titleCode != null) {
            addGaps(gaps, "TITLE", p.titleCode, Standard.on(RoleType.TITLE, p.titleCode, at), held, p);
        }
        if (p.jobPositionCode != null) {
            addGaps(gaps, "JOB_POSITION", p.jobPositionCode,
                    Standard.on(RoleType.JOB_POSITION, p.jobPositionCode, at), held, p);
        }
        SuccessionPlan.of(p.id).stream().filter(s -> s.status == PlanStatus.ACTIVE)
                .map(s -> s.titleCode).distinct()
                .forEach(title -> gaps.addAll(plannedTitleGaps(p, title, held, at)));
        gaps.sort(Comparator.comparing(Gap::role).thenComparing(Gap::roleCode).thenComparing(Gap::kind));
        return gaps;
    }

    /**
     * The requirements of a title the person is planned for that the levels {@code held} do not meet on {@code at}:
     * one rule for the gaps endpoint and for the {@code planGaps} of the personnel events.
     */
    public static List<Gap> plannedTitleGaps(Person p, String titleCode, Map<QualificationKind, LevelHeld> held,
                                             LocalDate at) {
        List<Gap> gaps = new ArrayList<>();
        addGaps(gaps, "PLANNED_TITLE", titleCode, Standard.on(RoleType.TITLE, titleCode, at), held, p);
        return gaps;
    }

    private static void addGaps(List<Gap> gaps, String role, String code, List<Standard> standards,
                                Map<QualificationKind, LevelHeld> held, Person p) {
        for (Standard s : standards) {
            if (s.category != null && !s.category.equals(p.category.name())) {
                continue;
            }
            LevelHeld current = held.get(s.kind);
            if (!s.kind.satisfies(current == null ? null : current.level(), s.level)) {
                gaps.add(new Gap(role, code, s.kind, s.level, current == null ? null : current.level(),
                        s.kind.programCategory(), s.level));
            }
        }
    }

    /** What the audit trail records of a new qualification. */
    static Object snapshot(Qualification q) {
        return new NewQualificationRecord(q.id, q.kind, q.level, q.awardedOn, q.institution, q.credentialNumber,
                q.source, q.sourceRef);
    }

    private record NewQualificationRecord(UUID id, QualificationKind kind, String level, LocalDate awardedOn,
                                          String institution, String credentialNumber, QualificationSource source,
                                          String sourceRef) {
    }
}
