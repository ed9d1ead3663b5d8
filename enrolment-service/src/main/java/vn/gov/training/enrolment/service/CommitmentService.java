package vn.gov.training.enrolment.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Commitment;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.RepaymentCase;
import vn.gov.training.enrolment.domain.RuleSet;
import vn.gov.training.enrolment.event.CommitmentEventData;
import vn.gov.training.enrolment.event.RepaymentEventData;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.persistence.Filters;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * Service commitments after state-funded training, and repayment when they are broken. Covered training: funded
 * by the state budget and postgraduate, overseas, or at least the rule set's minimum length (12 months in the
 * seeded decrees). The commitment is the rule set's factor times the training months, from completion. Repayment
 * is course costs only (the state-funded amount): in full for drop-out, failure or dismissal during training,
 * pro rata to the unserved months when leaving early (Decree 101/2017 Art. 40: F / T1 × (T1 − T2)).
 */
@ApplicationScoped
public class CommitmentService {

    public static final Set<String> EXEMPTIONS = Set.of("ILLNESS", "DISASTER", "TRANSFER_WITHIN_POLITICAL_SYSTEM");

    /** Reasons for leaving the service that end a commitment without repayment. */
    public static final Set<String> RELEASING_DEPARTURES = Set.of("DECEASED", "RETIRED");

    private final EnrolmentEvents events;
    private final AuditTrail audit;
    private final AccessPolicy access;

    CommitmentService(EnrolmentEvents events, AuditTrail audit, AccessPolicy access) {
        this.events = events;
        this.audit = audit;
        this.access = access;
    }

    /** The commitments the caller may read (see {@link #scoped}), newest first. */
    public Paged<Commitment> commitments(UUID personnelId, String status, int page, int size) {
        Filters where = scoped(personnelId, status);
        return Paged.of(Commitment.<Commitment>find(where.query() + " order by startsOn desc, id",
                where.parameters()), page, size);
    }

    /** One commitment the caller may read; 404 otherwise. */
    public Commitment commitment(UUID id) {
        Filters where = scoped(null, null).add("id = :id", "id", id);
        Commitment c = Commitment.<Commitment>find(where.query(), where.parameters()).firstResult();
        if (c == null) {
            throw ProblemException.notFound("commitment-not-found", id);
        }
        return c;
    }

    /** The repayment cases the caller may read (see {@link #scoped}), newest first. */
    public Paged<RepaymentCase> repaymentCases(UUID personnelId, String status, int page, int size) {
        Filters where = scoped(personnelId, status);
        return Paged.of(RepaymentCase.<RepaymentCase>find(where.query() + " order by openedOn desc, id",
                where.parameters()), page, size);
    }

    /** One repayment case the caller may read; 404 otherwise. */
    public RepaymentCase repaymentCase(UUID id) {
        Filters where = scoped(null, null).add("id = :id", "id", id);
        RepaymentCase r = RepaymentCase.<RepaymentCase>find(where.query(), where.parameters()).firstResult();
        if (r == null) {
            throw ProblemException.notFound("repayment-case-not-found", id);
        }
        return r;
    }

    /** Filters and the caller's scope: unit officers see the people of their subtree (by the person copy). */
    private Filters scoped(UUID personnelId, String status) {
        Filters where = Filters.allOf()
                .when("personnelId = :personnelId", "personnelId", personnelId)
                .when("status = :status", "status", status);
        if (!access.readsProvinceWide()) {
            // officers and leaders: the people of their subtree; anyone (staff): their own record only
            Filters any = Filters.anyOf();
            if (access.hasRole(Roles.UNIT_OFFICER) || access.hasRole(Roles.LEADER)) {
                Set<String> units = access.scope().visibleUnits().orElse(Set.of());
                any.add("personnelId in (select p.personnelId from PersonCopy p where p.orgUnitCode in :scopeUnits)",
                        "scopeUnits", units.isEmpty() ? Set.of("-") : units);
            }
            where.add(any.when("personnelId = :self", "self", access.ownPersonnelId()));
        }
        return where;
    }

    /** The rule set under which this training creates a commitment, or empty when it is not covered. */
    public Optional<RuleSet> coveringRules(Enrolment e, ClassCopy cls) {
        boolean stateFunded = e.fundingSource != null ? "STATE_BUDGET".equals(e.fundingSource) : cls.stateFunded();
        if (!stateFunded || e.personCategory == null) {
            return Optional.empty();
        }
        LocalDate on = cls.startDate != null ? cls.startDate : ProvinceTime.today();
        return RuleSet.inForce(e.personCategory, on)
                .filter(rules -> cls.isPostgraduate() || cls.isOverseas()
                        || cls.trainingMonths() >= rules.coveredMinTrainingMonths);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Commitment> startIfCovered(Enrolment e, ClassCopy cls) {
        Optional<RuleSet> rules = coveringRules(e, cls);
        if (rules.isEmpty() || Commitment.find("enrolmentId", e.id).firstResult() != null) {
            return Optional.empty();
        }
        Commitment c = new Commitment();
        c.id = UUID.randomUUID();
        c.enrolmentId = e.id;
        c.personnelId = e.personnelId;
        c.ruleSetCode = rules.get().code;
        c.months = rules.get().commitmentFactor * cls.trainingMonths();
        c.startsOn = e.completedOn;
        c.endsOn = e.completedOn.plusMonths(c.months);
        c.costVnd = stateCost(e);
        c.status = Commitment.ACTIVE;
        c.persist();
        audit.record("commitment", c.id, "started", null, data(c));
        events.commitment("started", c, data(c));
        return Optional.of(c);
    }

    /** Drop-out, failure or dismissal during covered training: the course costs in full. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void trainingAbandoned(Enrolment e, ClassCopy cls, String cause, String actor) {
        if (coveringRules(e, cls).isEmpty()) {
            return;
        }
        long cost = stateCost(e);
        open(null, e.id, e.personnelId, cause, cost, null, null, cost, actor);
    }

    /**
     * The person left on {@code leftOn} for {@code leftReason}: each commitment still running is fulfilled when its
     * end has come, released without repayment when the person died or retired, and otherwise breached and repaid
     * pro rata.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void personLeft(UUID personnelId, LocalDate leftOn, String leftReason, String actor) {
        List<Commitment> running = Commitment.list("personnelId = ?1 and status = ?2", personnelId, Commitment.ACTIVE);
        for (Commitment c : running) {
            if (!leftOn.isBefore(c.endsOn)) {
                fulfil(c, actor);
                continue;
            }
            CommitmentEventData before = data(c);
            c.closedOn = leftOn;
            c.closedReason = leftReason;
            if (leftReason != null && RELEASING_DEPARTURES.contains(leftReason)) {
                c.status = Commitment.RELEASED;
                audit.recordAs(actor, "commitment", c.id, "released", before, data(c));
                events.commitment("released", c, data(c));
                continue;
            }
            c.status = Commitment.BREACHED;
            c.breachedOn = leftOn;
            int served = (int) Math.max(0, Math.min(c.months, ChronoUnit.MONTHS.between(c.startsOn, leftOn)));
            int unserved = c.months - served;
            long amount = BigDecimal.valueOf(c.costVnd).multiply(BigDecimal.valueOf(unserved))
                    .divide(BigDecimal.valueOf(c.months), 0, RoundingMode.HALF_UP).longValueExact();
            audit.recordAs(actor, "commitment", c.id, "breached", before, data(c));
            events.commitment("breached", c, data(c));
            open(c.id, c.enrolmentId, c.personnelId, "LEFT_EARLY", c.costVnd, served, unserved, amount, actor);
        }
    }

    /** A commitment served to its end: FULFILLED on its end date, published as {@code commitment.fulfilled}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fulfil(Commitment c, String actor) {
        if (!Commitment.ACTIVE.equals(c.status)) {
            return;
        }
        CommitmentEventData before = data(c);
        c.status = Commitment.FULFILLED;
        c.closedOn = c.endsOn;
        audit.recordAs(actor, "commitment", c.id, "fulfilled", before, data(c));
        events.commitment("fulfilled", c, data(c));
    }

    private void open(UUID commitmentId, UUID enrolmentId, UUID personnelId, String cause, long cost, Integer served,
                      Integer unserved, long amount, String actor) {
        if (RepaymentCase.find("enrolmentId = ?1 and cause = ?2", enrolmentId, cause).firstResult() != null) {
            return;
        }
        RepaymentCase r = new RepaymentCase();
        r.id = UUID.randomUUID();
        r.commitmentId = commitmentId;
        r.enrolmentId = enrolmentId;
        r.personnelId = personnelId;
        r.cause = cause;
        r.costVnd = cost;
        r.servedMonths = served;
        r.unservedMonths = unserved;
        r.computedVnd = amount;
        r.amountVnd = amount;
        r.status = RepaymentCase.OPEN;
        r.openedOn = ProvinceTime.today();
        r.persist();
        if (actor == null) {
            audit.record("repayment-case", r.id, "opened", null, snapshot(r));
        } else {
            audit.recordAs(actor, "repayment-case", r.id, "opened", null, snapshot(r));
        }
    }

    public record Decision(Long amountVnd, String exemption, String decisionNumber, LocalDate decidedOn, String note) {
    }

    /** The council's decision: the amount (default the computed one), or an exemption that waives it. */
    @Transactional
    public RepaymentCase decide(UUID caseId, Decision d) {
        RepaymentCase r = find(caseId);
        if (!RepaymentCase.OPEN.equals(r.status)) {
            throw ProblemException.conflict("repayment-wrong-status", r.status, RepaymentCase.OPEN);
        }
        if (d.exemption() != null && !EXEMPTIONS.contains(d.exemption())) {
            throw ProblemException.invalid("repayment-exemption-unknown", d.exemption(), String.join(", ", EXEMPTIONS));
        }
        Object before = snapshot(r);
        r.decisionNumber = d.decisionNumber();
        r.decidedOn = d.decidedOn() != null ? d.decidedOn() : ProvinceTime.today();
        r.note = d.note();
        if (d.exemption() != null) {
            r.exemption = d.exemption();
            r.amountVnd = 0;
            r.status = RepaymentCase.WAIVED;
        } else {
            r.amountVnd = d.amountVnd() != null ? d.amountVnd() : r.computedVnd;
            r.status = RepaymentCase.DECIDED;
        }
        audit.record("repayment-case", r.id, "decided", before, snapshot(r));
        events.repayment("decided", r, data(r));
        return r;
    }

    @Transactional
    public RepaymentCase paid(UUID caseId, LocalDate paidOn) {
        RepaymentCase r = find(caseId);
        if (!RepaymentCase.DECIDED.equals(r.status)) {
            throw ProblemException.conflict("repayment-wrong-status", r.status, RepaymentCase.DECIDED);
        }
        Object before = snapshot(r);
        r.status = RepaymentCase.PAID;
        r.paidOn = paidOn != null ? paidOn : ProvinceTime.today();
        audit.record("repayment-case", r.id, "paid", before, snapshot(r));
        events.repayment("paid", r, data(r));
        return r;
    }

    private static RepaymentCase find(UUID caseId) {
        RepaymentCase r = RepaymentCase.findById(caseId);
        if (r == null) {
            throw ProblemException.notFound("repayment-case-not-found", caseId);
        }
        return r;
    }

    /** Course costs only: the amount the state paid, else the course cost. */
    private static long stateCost(Enrolment e) {
        return e.fundingAmountVnd != null ? e.fundingAmountVnd : e.costVnd != null ? e.costVnd : 0;
    }

    public static CommitmentEventData data(Commitment c) {
        return new CommitmentEventData(c.id, c.enrolmentId, c.personnelId, c.startsOn, c.endsOn, c.months, c.costVnd,
                c.status, c.closedOn, c.closedReason);
    }

    private static RepaymentEventData data(RepaymentCase r) {
        return new RepaymentEventData(r.id, r.commitmentId, r.enrolmentId, r.personnelId, r.amountVnd, r.status,
                r.decisionNumber, r.decidedOn, r.paidOn);
    }

    private record CaseSnapshot(UUID id, String cause, long computedVnd, long amountVnd, String status,
                                String exemption, String decisionNumber, LocalDate decidedOn, LocalDate paidOn) {
    }

    private static Object snapshot(RepaymentCase r) {
        return new CaseSnapshot(r.id, r.cause, r.computedVnd, r.amountVnd, r.status, r.exemption, r.decisionNumber,
                r.decidedOn, r.paidOn);
    }
}
