package vn.gov.training.personnel.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;

import vn.gov.training.personnel.domain.OrgUnitVersion;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.PlanStatus;
import vn.gov.training.personnel.domain.SuccessionPlan;
import vn.gov.training.personnel.domain.Title;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.persistence.Filters;
import vn.gov.training.platform.problem.FieldError;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.platform.web.PageResponse;

/** Succession plans (quy hoạch): who is planned for which title, in which unit, for which term. */
@ApplicationScoped
public class SuccessionPlanService {

    public record NewPlan(String titleCode, String orgUnitCode, Integer termStart, Integer termEnd,
                          String decisionNumber, LocalDate decisionDate) {
    }

    /** A status change (REMOVED with a reason, APPOINTED), or clearing the review flag after a review. */
    public record PlanChange(PlanStatus status, String reason, Boolean reviewed) {
    }

    /** A plan with the planned person's name. */
    public record Planned(SuccessionPlan plan, String fullName) {
    }

    private final PersonAccess access;
    private final AuditTrail audit;
    private final PersonnelEvents events;
    private final PersonValidator validator;
    private final OrgUnitService units;

    SuccessionPlanService(PersonAccess access, AuditTrail audit, PersonnelEvents events, PersonValidator validator,
                          OrgUnitService units) {
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.validator = validator;
        this.units = units;
    }

    /** The plans of a person the caller may read. */
    public List<Planned> ofPerson(UUID personId) {
        Person p = access.readable(personId);
        return SuccessionPlan.of(p.id).stream().map(s -> new Planned(s, p.fullName)).toList();
    }

    /**
     * Plans across units: {@code unit} (the plan's unit) with its sub-units, {@code term} like {@code 2025-2030};
     * only plans of people the caller may see.
     */
    public PageResponse<Planned> list(String unit, String term, PlanStatus status, int page, int size) {
        Filters where = Filters.allOf()
                .when("orgUnitCode in :units", "units",
                        unit == null || unit.isBlank() ? null : units.subtreeOn(unit, ProvinceTime.today()));
        // scoped by the planned person's unit: a plan for a post in the caller's unit does not disclose a person
        // of another unit
        PersonAccess.Visibility visibility = access.visibility();
        if (!visibility.all()) {
            where.add("personId in (select p.id from Person p where p.orgUnitCode in :visible)", "visible",
                    visibility.units().isEmpty() ? Set.of("") : visibility.units());
        }
        if (term != null && !term.isBlank()) {
            String[] years = term.split("[-–]");
            try {
                where.add("termStart = :start and termEnd = :end")
                        .with("start", Integer.parseInt(years[0].strip()))
                        .with("end", Integer.parseInt(years[1].strip()));
            } catch (RuntimeException e) {
                throw ProblemException.invalid("invalid-term", term);
            }
        }
        where.when("status = :status", "status", status);
        PanacheQuery<SuccessionPlan> query = SuccessionPlan.find(where.query() + " order by orgUnitCode, titleCode, id",
                where.parameters());
        long total = query.count();
        List<SuccessionPlan> found = query.page(Page.of(page, size)).list();
        Map<UUID, String> names = new HashMap<>();
        List<UUID> ids = found.stream().map(s -> s.personId).distinct().toList();
        if (!ids.isEmpty()) {
            Person.<Person>list("id in ?1", ids).forEach(p -> names.put(p.id, p.fullName));
        }
        List<Planned> items = new ArrayList<>();
        found.forEach(s -> items.add(new Planned(s, names.get(s.personId))));
        return new PageResponse<>(items, page, size, total);
    }

    @Transactional
    public Planned create(UUID personId, NewPlan plan) {
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
        return new Planned(s, p.fullName);
    }

    @Transactional
    public Planned change(UUID personId, UUID planId, PlanChange change) {
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
        return new Planned(s, p.fullName);
    }

    /**
     * Flags the person's active plans for review, e.g. after a failed or abandoned course, for a person of a batch
     * whose records the caller read at once. Plans are not in the person's national file: nothing to deliver.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int flagForReview(Person p, String reason, String actor, PersonRecords records) {
        int flagged = 0;
        for (SuccessionPlan s : records.plans(p.id)) {
            if (s.status != PlanStatus.ACTIVE) {
                continue;
            }
            PlanSnapshot before = PlanSnapshot.of(s);
            s.reviewFlag = true;
            s.reviewReason = reason;
            s.updatedAt = PersonnelService.now();
            audit.recordAs(actor, PersonnelService.AUDIT_TYPE, p.id, "succession-plan-flagged", before,
                    PlanSnapshot.of(s));
            flagged++;
        }
        if (flagged > 0) {
            events.publish("succession-plan-changed", p, ProvinceTime.today(), records);
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
