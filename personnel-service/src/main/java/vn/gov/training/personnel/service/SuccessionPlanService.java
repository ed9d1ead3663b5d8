package vn.gov.training.personnel.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.personnel.domain.OrgUnitVersion;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.PlanStatus;
import vn.gov.training.personnel.domain.SuccessionPlan;
import vn.gov.training.personnel.domain.Title;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.FieldError;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.time.ProvinceTime;

/** Succession plans (quy hoạch): who is planned for which title, in which unit, for which term. */
@ApplicationScoped
public class SuccessionPlanService {

    public record NewPlan(String titleCode, String orgUnitCode, Integer termStart, Integer termEnd,
                          String decisionNumber, LocalDate decisionDate) {
    }

    /** A status change (REMOVED with a reason, APPOINTED), or clearing the review flag after a review. */
    public record PlanChange(PlanStatus status, String reason, Boolean reviewed) {
    }

    private final PersonAccess access;
    private final AuditTrail audit;
    private final PersonnelEvents events;
    private final PersonValidator validator;

    SuccessionPlanService(PersonAccess access, AuditTrail audit, PersonnelEvents events, PersonValidator validator) {
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.validator = validator;
    }

    @Transactional
    public SuccessionPlan create(UUID personId, NewPlan plan) {
        Person p = access.writable(personId);
        List<FieldError> errors = new ArrayList<>();
        if (plan.titleCode() == null) {
            errors.add(validator.error("titleCode", "required"));
        } else if (Title.findById(plan.titleCode()) == null) {
            errors.add(validator.error("titleCode", "unknown-title", plan.titleCode()));
        }
        if (plan.orgUnitCode() == null) {
            errors.add(validator.error("orgUnitCode", "required"));
        } else if (OrgUnitVersion.latest(plan.orgUnitCode()).isEmpty()) {
            errors.add(validator.error("orgUnitCode", "unknown-unit", plan.orgUnitCode()));
        }
        if (plan.termStart() == null || plan.termEnd() == null || plan.termEnd() <= plan.termStart()
                || plan.termStart() < 2000 || plan.termEnd() > 2100) {
            errors.add(validator.error("termEnd", "term-invalid"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // a plan for a title of another unit is a record of that unit: the caller must be able to write there
        access.requireUnitWritable(plan.orgUnitCode());
        SuccessionPlan s = new SuccessionPlan();
        s.id = UUID.randomUUID();
        s.personId = p.id;
        s.titleCode = plan.titleCode();
        s.orgUnitCode = plan.orgUnitCode();
        s.termStart = plan.termStart();
        s.termEnd = plan.termEnd();
        s.decisionNumber = plan.decisionNumber();
        s.decisionDate = plan.decisionDate();
        s.status = PlanStatus.ACTIVE;
        s.createdAt = PersonnelService.now();
        s.updatedAt = s.createdAt;
        s.persist();
        audit.record(PersonnelService.AUDIT_TYPE, p.id, "succession-plan-created", null, PlanSnapshot.of(s));
        events.publish("succession-plan-changed", p, plan.decisionDate() != null ? plan.decisionDate() : ProvinceTime.today());
        return s;
    }

    @Transactional
    public SuccessionPlan change(UUID personId, UUID planId, PlanChange change) {
        Person p = access.writable(personId);
        SuccessionPlan s = SuccessionPlan.findById(planId);
        if (s == null || !s.personId.equals(p.id)) {
            throw ProblemException.notFound("succession-plan-not-found", planId);
        }
        PlanSnapshot before = PlanSnapshot.of(s);
        if (change.status() != null && change.status() != s.status) {
            if (s.status != PlanStatus.ACTIVE) {
                throw ProblemException.conflict("succession-plan-closed", planId, s.status);
            }
            if (change.status() == PlanStatus.REMOVED && (change.reason() == null || change.reason().isBlank())) {
                throw ProblemException.invalid(List.of(validator.error("reason", "required")));
            }
            s.status = change.status();
            s.statusReason = change.reason();
        }
        if (Boolean.TRUE.equals(change.reviewed())) {
            s.reviewFlag = false;
            s.reviewReason = null;
        }
        s.updatedAt = PersonnelService.now();
        audit.record(PersonnelService.AUDIT_TYPE, p.id, "succession-plan-changed", before, PlanSnapshot.of(s));
        events.publish("succession-plan-changed", p, ProvinceTime.today());
        return s;
    }

    /** Flags the person's active plans for review, e.g. after a failed or abandoned course. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int flagForReview(Person p, String reason, String actor) {
        int flagged = 0;
        for (SuccessionPlan s : SuccessionPlan.<SuccessionPlan>list("personId = ?1 and status = ?2", p.id,
                PlanStatus.ACTIVE)) {
            PlanSnapshot before = PlanSnapshot.of(s);
            s.reviewFlag = true;
            s.reviewReason = reason;
            s.updatedAt = PersonnelService.now();
            audit.recordAs(actor, PersonnelService.AUDIT_TYPE, p.id, "succession-plan-flagged", before,
                    PlanSnapshot.of(s));
            flagged++;
        }
        if (flagged > 0) {
            events.publish("succession-plan-changed", p, ProvinceTime.today());
        }
        return flagged;
    }

    public record PlanSnapshot(UUID id, String titleCode, String orgUnitCode, int termStart, int termEnd,
                               String decisionNumber, LocalDate decisionDate, PlanStatus status, String statusReason,
                               boolean reviewFlag, String reviewReason) {
        static PlanSnapshot of(SuccessionPlan s) {
            return new PlanSnapshot(s.id, s.titleCode, s.orgUnitCode, s.termStart, s.termEnd, s.decisionNumber,
                    s.decisionDate, s.status, s.statusReason, s.reviewFlag, s.reviewReason);
        }
    }
}
