package vn.gov.training.enrolment.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.ClassUnitQuota;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.EnrolmentStatus;
import vn.gov.training.enrolment.domain.FitAssessment;
import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.enrolment.domain.Refs;
import vn.gov.training.enrolment.event.EnrolmentEventData;
import vn.gov.training.platform.persistence.TimeOrderedIds;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * The life of an enrolment up to its training: nomination (eligibility, fit), approval within capacity and quotas
 * (waitlist and promotion), rejection and withdrawal; what follows is {@link EnrolmentResults}. Approvals and
 * anything that frees a seat lock the class copy's row first, so concurrent approvals of one class are serialised and
 * never exceed its capacity.
 */
@ApplicationScoped
public class EnrolmentService {

    private final EligibilityRules eligibility;
    private final FitAssessor fit;
    private final EnrolmentEvents events;
    private final AccessPolicy access;
    private final CommitmentService commitments;
    private final EntityManager entityManager;
    private final PlausibleRecords plausible;

    EnrolmentService(EligibilityRules eligibility, FitAssessor fit, EnrolmentEvents events, AccessPolicy access,
                     CommitmentService commitments, EntityManager entityManager, PlausibleRecords plausible) {
        this.plausible = plausible;
        this.eligibility = eligibility;
        this.fit = fit;
        this.events = events;
        this.access = access;
        this.commitments = commitments;
        this.entityManager = entityManager;
    }

    public record Assessment(ProblemException refusal, FitAssessor.Fit fit) {
    }

    /** The dry run: would the nomination be accepted, and how does the training fit the person? */
    @Transactional
    public Assessment assess(UUID personnelId, UUID classId, boolean historical) {
        readOnly();
        PersonCopy person = person(personnelId);
        ClassCopy cls = classCopy(classId);
        access.requireNominate(person, person.orgUnitCode);
        return new Assessment(eligibility.firstRefusal(person, cls, historical, ProvinceTime.today()), fit.assess(person, cls));
    }

    /** One person's dry run among many: the assessment, or why this person could not be assessed. */
    public record AssessmentOutcome(UUID personnelId, Assessment assessment, ProblemException failure) {
    }

    /**
     * The dry run for many people and one class, as {@link #assess} gives it one by one: the class, the people and
     * their live enrolments in the class are read once for all. A person who is unknown or outside the caller's scope
     * is that person's outcome, not a failure of the others.
     */
    @Transactional
    public List<AssessmentOutcome> assessEach(List<UUID> personnelIds, UUID classId, boolean historical) {
        readOnly();
        ClassCopy cls = classCopy(classId);
        Map<UUID, PersonCopy> people = PersonCopy.<PersonCopy>list("personnelId in ?1", personnelIds).stream()
                .collect(Collectors.toMap(p -> p.personnelId, p -> p));
        Set<UUID> enrolled = Enrolment.liveAmong(personnelIds, classId);
        Map<UUID, FitAssessor.Fit> fits = fit.assessAll(people.values(), cls);
        LocalDate today = ProvinceTime.today();
        List<AssessmentOutcome> outcomes = new ArrayList<>();
        for (UUID personnelId : personnelIds) {
            PersonCopy person = people.get(personnelId);
            try {
                if (person == null) {
                    throw Refusal.of("person-unknown", personnelId);
                }
                access.requireNominate(person, person.orgUnitCode);
                ProblemException refusal = eligibility.firstRefusal(person, cls, historical, today,
                        () -> enrolled.contains(personnelId));
                outcomes.add(new AssessmentOutcome(personnelId, new Assessment(refusal, fits.get(personnelId)), null));
            } catch (ProblemException failure) {
                outcomes.add(new AssessmentOutcome(personnelId, null, failure));
            }
        }
        return outcomes;
    }

    @Transactional
    public Enrolment nominate(Nomination n) {
        PersonCopy person = person(n.personnelId());
        ClassCopy cls = classCopy(n.classId());
        String nominatingUnit = n.nominatingUnitCode() != null ? n.nominatingUnitCode()
                : access.isProvince() ? person.orgUnitCode : access.callerUnit();
        if (n.nominatingUnitCode() != null) {
            access.requireKnownUnit("nominatingUnitCode", nominatingUnit);
        }
        access.requireNominate(person, nominatingUnit);
        if (n.historical() && !access.isProvince()) {
            throw ProblemException.forbidden("historical-needs-province");
        }
        plausible.of(cls).fundingAmount("fundingAmountVnd", n.fundingAmountVnd()).check();
        eligibility.check(person, cls, n.historical(), ProvinceTime.today());
        FitAssessor.Fit assessed = fit.assess(person, cls);
        if (assessed.assessment() == FitAssessment.MISFIT && (n.justification() == null || n.justification().isBlank())) {
            throw Refusal.of("misfit-needs-justification").with("fit", assessed);
        }
        Enrolment e = Enrolment.nominated(TimeOrderedIds.next(), now());
        e.personnelId = person.personnelId;
        e.classId = cls.classId;
        e.programId = cls.programId;
        e.category = cls.program.category();
        e.level = cls.program.level();
        e.deliveryMode = cls.program.deliveryMode();
        e.location = cls.location;
        e.startDate = cls.startDate;
        e.endDate = cls.endDate;
        e.nominatingUnitCode = nominatingUnit;
        e.personOrgUnitCode = person.orgUnitCode;
        e.personCategory = person.category;
        e.fitAssessment = assessed.assessment();
        e.fitReasons = new ArrayList<>(assessed.reasons());
        e.justification = blankToNull(n.justification());
        e.decisionNumber = blankToNull(n.decisionNumber());
        e.decisionDate = n.decisionDate();
        e.costVnd = cls.costPerLearnerVnd;
        e.fundingSource = n.fundingSource() != null ? n.fundingSource() : mainFundingSource(cls);
        e.fundingAmountVnd = n.fundingAmountVnd() != null ? n.fundingAmountVnd() : fundedAmount(cls, e.fundingSource);
        e.note = blankToNull(n.note());
        Refs.Level grants = cls.program.grantsLevel();
        if (grants != null) {
            e.grantsKind = grants.kind();
            e.grantsLevel = grants.level();
        }
        e.persist();
        events.changed("nominated", null, e, n.decisionDate());
        return e;
    }

    /** What one row of a bulk nomination came to: the enrolment created, or the failure that refused the row. */
    public record RowOutcome(Enrolment created, RuntimeException failure) {
    }

    /**
     * Many nominations, each in its own transaction: a row that fails for any reason (a refused rule, or e.g. the
     * same person nominated concurrently) is that row's outcome, never a failure of the rows saved before it.
     */
    public List<RowOutcome> nominateEach(List<Nomination> rows) {
        List<RowOutcome> outcomes = new ArrayList<>();
        for (Nomination row : rows) {
            try {
                outcomes.add(new RowOutcome(QuarkusTransaction.requiringNew().call(() -> nominate(row)), null));
            } catch (RuntimeException failure) {
                outcomes.add(new RowOutcome(null, failure));
            }
        }
        return outcomes;
    }

    /** NOMINATED → APPROVED, or WAITLISTED in order when the class (or the unit's quota) is full. */
    @Transactional
    public Enrolment approve(UUID id) {
        ClassCopy cls = lockClassOf(id);
        Enrolment e = Enrolment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        access.requireApprove(cls);
        approveLocked(cls, e);
        return e;
    }

    /** One enrolment's outcome among a class's approvals: approved or waitlisted, or why it was left as it was. */
    public record ApprovalOutcome(UUID enrolmentId, Enrolment enrolment, ProblemException refusal) {
    }

    /**
     * A class's nominations approved in the order given, with the class locked once for all: each takes a seat while
     * the class (and its nominating unit's quota) has one, else a waitlist place, as one by one. An enrolment that is
     * not of this class or not nominated is that row's outcome and is left as it was.
     */
    @Transactional
    public List<ApprovalOutcome> approveAll(UUID classId, List<UUID> enrolmentIds) {
        ClassCopy cls = ClassCopy.findById(classId, LockModeType.PESSIMISTIC_WRITE);
        if (cls == null) {
            throw ProblemException.notFound("class-unknown", classId);
        }
        access.requireApprove(cls);
        List<ApprovalOutcome> outcomes = new ArrayList<>();
        for (UUID id : enrolmentIds) {
            Enrolment e = Enrolment.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (e == null || !classId.equals(e.classId)) {
                outcomes.add(new ApprovalOutcome(id, null, ProblemException.notFound("enrolment-not-found", id)));
                continue;
            }
            try {
                approveLocked(cls, e);
                outcomes.add(new ApprovalOutcome(id, e, null));
            } catch (ProblemException refused) {
                // refused before any change (the enrolment is not NOMINATED)
                outcomes.add(new ApprovalOutcome(id, null, refused));
            }
        }
        return outcomes;
    }

    private void approveLocked(ClassCopy cls, Enrolment e) {
        EnrolmentEventData before = events.snapshot(e);
        if (hasSeat(cls, e)) {
            e.approve(now());
            events.changed("approved", before, e, ProvinceTime.today());
        } else {
            e.waitlist(nextWaitlistPosition(cls.classId), now());
            events.changed("waitlisted", before, e, ProvinceTime.today());
        }
    }

    /** Refuses a nomination (or takes back an approval or a waitlist place); a freed seat goes to the waitlist. */
    @Transactional
    public Enrolment reject(UUID id, String reason) {
        ClassCopy cls = lockClassOf(id);
        Enrolment e = Enrolment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        access.requireApprove(cls);
        EnrolmentEventData before = events.snapshot(e);
        boolean freedSeat = e.reject(reason, now());
        events.changed("rejected", before, e, ProvinceTime.today());
        if (freedSeat) {
            promote(cls, null);
        }
        return e;
    }

    /** WITHDRAWN with a reason (required) and a date (default today). */
    @Transactional
    public Enrolment withdraw(UUID id, String reason, LocalDate on) {
        ClassCopy cls = lockClassOf(id);
        Enrolment e = Enrolment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        access.requireWithdraw(e, cls);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("withdrawal-reason-required");
        }
        return withdrawLocked(e, cls, reason.strip(), on == null ? ProvinceTime.today() : on, null, "DROPPED_OUT");
    }

    /**
     * Withdraws with the class locked. A withdrawal after the class started ends state-funded covered training
     * early: a repayment case in full. {@code actor} null means the HTTP caller.
     */
    Enrolment withdrawLocked(Enrolment e, ClassCopy cls, String reason, LocalDate on, String actor,
                             String repaymentCause) {
        EnrolmentEventData before = events.snapshot(e);
        Enrolment.Withdrawal ended = e.withdraw(reason, on, cls.startDate, now());
        publish(actor, "withdrawn", before, e, on);
        if (ended.heldSeat() && !"COMPLETED".equals(cls.status) && !"CANCELLED".equals(cls.status)) {
            promote(cls, actor);
        }
        if (ended.trainingStarted() && repaymentCause != null) {
            commitments.trainingAbandoned(e, cls, repaymentCause, actor);
        }
        return e;
    }

    /** A cancelled class ends its live enrolments; nobody repays a class that did not happen. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void classCancelled(ClassCopy cls, String actor) {
        List<Enrolment> live = Enrolment.list("classId = ?1 and status in ?2", cls.classId,
                List.of(EnrolmentStatus.NOMINATED, EnrolmentStatus.WAITLISTED, EnrolmentStatus.APPROVED,
                        EnrolmentStatus.IN_PROGRESS));
        for (Enrolment e : live) {
            withdrawLocked(e, cls, "class-cancelled", ProvinceTime.today(), actor, null);
        }
    }

    /** Gives free seats to the first waitlisted enrolments (in position order) that their unit's quota allows. */
    void promote(ClassCopy cls, String actor) {
        List<Enrolment> waiting = Enrolment.list("classId = ?1 and status = ?2 order by waitlistPosition",
                cls.classId, EnrolmentStatus.WAITLISTED);
        for (Enrolment next : waiting) {
            if (seatedCount(cls.classId) >= cls.capacity) {
                return;
            }
            if (!quotaAllows(cls, next)) {
                continue;
            }
            EnrolmentEventData before = events.snapshot(next);
            next.promote(now());
            publish(actor, "promoted", before, next, ProvinceTime.today());
        }
    }

    private boolean hasSeat(ClassCopy cls, Enrolment e) {
        return seatedCount(cls.classId) < cls.capacity && quotaAllows(cls, e);
    }

    private boolean quotaAllows(ClassCopy cls, Enrolment e) {
        if (e.nominatingUnitCode == null) {
            return true;
        }
        ClassUnitQuota quota = ClassUnitQuota.findById(new ClassUnitQuota.Key(cls.classId, e.nominatingUnitCode));
        return quota == null || seatedCount(cls.classId, e.nominatingUnitCode) < quota.seats;
    }

    private long seatedCount(UUID classId) {
        return seatedCount(classId, null);
    }

    /** Seats taken in the class (by one nominating unit when {@code unitCode} is given); see {@link EnrolmentStatus#SEATED}. */
    private long seatedCount(UUID classId, String unitCode) {
        var query = entityManager.createQuery("select count(e) from Enrolment e where e.classId = :classId"
                        + (unitCode == null ? "" : " and e.nominatingUnitCode = :unit")
                        + " and (e.status in :seated or (e.status = :failed"
                        + " and (e.reason is null or e.reason <> :entryFailed)))", Long.class)
                .setParameter("classId", classId)
                .setParameter("seated", EnrolmentStatus.SEATED)
                .setParameter("failed", EnrolmentStatus.FAILED)
                .setParameter("entryFailed", EnrolmentStatus.ENTRY_EXAM_FAILED);
        if (unitCode != null) {
            query.setParameter("unit", unitCode);
        }
        return query.getSingleResult();
    }

    private long nextWaitlistPosition(UUID classId) {
        Object max = entityManager.createQuery("select max(e.waitlistPosition) from Enrolment e where e.classId = ?1")
                .setParameter(1, classId).getSingleResult();
        return max == null ? 1 : ((Number) max).longValue() + 1;
    }

    /** Locks the class row of an enrolment: the one lock that orders every seat-changing write of a class. */
    ClassCopy lockClassOf(UUID enrolmentId) {
        List<?> classIds = entityManager.createQuery("select e.classId from Enrolment e where e.id = ?1")
                .setParameter(1, enrolmentId).getResultList();
        if (classIds.isEmpty()) {
            throw ProblemException.notFound("enrolment-not-found", enrolmentId);
        }
        ClassCopy cls = ClassCopy.findById(classIds.get(0), LockModeType.PESSIMISTIC_WRITE);
        if (cls == null) {
            throw ProblemException.notFound("class-unknown", classIds.get(0));
        }
        return cls;
    }

    private void publish(String actor, String event, EnrolmentEventData before, Enrolment e, LocalDate on) {
        if (actor == null) {
            events.changed(event, before, e, on);
        } else {
            events.changedAs(actor, event, before, e, on);
        }
    }

    /**
     * A dry run's copies are loaded read-only: Hibernate then keeps no snapshot of them for dirty checking, which
     * for a person's levels, ratings and plans (JSON columns) means a copy by serialising each one.
     */
    private void readOnly() {
        entityManager.unwrap(Session.class).setDefaultReadOnly(true);
    }

    static PersonCopy person(UUID personnelId) {
        PersonCopy person = personnelId == null ? null : PersonCopy.findById(personnelId);
        if (person == null) {
            throw Refusal.of("person-unknown", personnelId);
        }
        return person;
    }

    static ClassCopy classCopy(UUID classId) {
        ClassCopy cls = classId == null ? null : ClassCopy.findById(classId);
        if (cls == null) {
            throw Refusal.of("class-unknown", classId);
        }
        return cls;
    }

    private static String mainFundingSource(ClassCopy cls) {
        return cls.funding.stream().max(Comparator.comparing(f -> f.percent() == null ? 0 : f.percent()))
                .map(Refs.Funding::source).orElse(null);
    }

    private static Long fundedAmount(ClassCopy cls, String source) {
        if (cls.costPerLearnerVnd == null || source == null) {
            return null;
        }
        int percent = cls.funding.stream().filter(f -> source.equals(f.source()))
                .mapToInt(f -> f.percent() == null ? 0 : f.percent()).sum();
        return cls.funding.isEmpty() ? cls.costPerLearnerVnd : cls.costPerLearnerVnd * percent / 100;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
