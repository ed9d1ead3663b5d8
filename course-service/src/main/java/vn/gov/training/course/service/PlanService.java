package vn.gov.training.course.service;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

import vn.gov.training.course.domain.Levels;
import vn.gov.training.course.domain.PlanItem;
import vn.gov.training.course.domain.PlanStatus;
import vn.gov.training.course.domain.TrainingPlan;
import vn.gov.training.course.event.PlanEventData;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.persistence.Filters;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Caller;
import vn.gov.training.platform.security.UnitScope;
import vn.gov.training.platform.text.VietnameseText;
import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.platform.web.PageResponse;

/**
 * Annual training plans: drafted by the unit (its officers, or the province for any unit), approved by the
 * province, which publishes {@code plan.approved}. An approved plan is frozen.
 */
@ApplicationScoped
public class PlanService {

    private static final String AUDIT_TYPE = "plan";

    private final CourseEvents events;
    private final AuditTrail audit;
    private final Messages messages;
    private final UnitScope scope;
    private final Caller caller;

    PlanService(CourseEvents events, AuditTrail audit, Messages messages, UnitScope scope, Caller caller) {
        this.events = events;
        this.audit = audit;
        this.messages = messages;
        this.scope = scope;
        this.caller = caller;
    }

    @Transactional
    public TrainingPlan create(PlanFields fields) {
        scope.requireWritable(fields.orgUnitCode());
        validate(fields);
        TrainingPlan existing = TrainingPlan.of(fields.year(), fields.orgUnitCode()).orElse(null);
        if (existing != null) {
            throw ProblemException.conflict("plan-exists", fields.year(), fields.orgUnitCode())
                    .with("existingId", existing.id);
        }
        TrainingPlan plan = new TrainingPlan();
        plan.id = UUID.randomUUID();
        plan.year = fields.year();
        plan.orgUnitCode = fields.orgUnitCode();
        plan.status = PlanStatus.DRAFT;
        plan.createdAt = ProvinceTime.now();
        apply(plan, fields);
        plan.persist();
        audit.record(AUDIT_TYPE, plan.id, "created", null, PlanEventData.of(plan));
        return plan;
    }

    @Transactional
    public TrainingPlan update(UUID id, PlanFields fields) {
        TrainingPlan plan = visible(id);
        scope.requireWritable(plan.orgUnitCode);
        if (plan.status != PlanStatus.DRAFT) {
            throw ProblemException.conflict("plan-not-draft", plan.year, plan.orgUnitCode);
        }
        new Violations(messages)
                .check(fields.year().equals(plan.year), "year", "immutable")
                .check(fields.orgUnitCode().equals(plan.orgUnitCode), "orgUnitCode", "immutable")
                .throwIfAny();
        validate(fields);
        Object before = PlanEventData.of(plan);
        apply(plan, fields);
        audit.record(AUDIT_TYPE, plan.id, "changed", before, PlanEventData.of(plan));
        return plan;
    }

    @Transactional
    public TrainingPlan approve(UUID id) {
        TrainingPlan plan = visible(id);
        if (plan.status != PlanStatus.DRAFT) {
            throw ProblemException.conflict("plan-transition-not-allowed", plan.status, PlanStatus.APPROVED)
                    .with("currentStatus", plan.status).with("allowed", List.of());
        }
        Object before = PlanEventData.of(plan);
        plan.status = PlanStatus.APPROVED;
        plan.approvedBy = caller.name();
        plan.approvedAt = ProvinceTime.now();
        plan.updatedAt = plan.approvedAt;
        events.plan("approved", plan);
        audit.record(AUDIT_TYPE, plan.id, "approved", before, PlanEventData.of(plan));
        return plan;
    }

    /** The plans the caller may see, latest year first; each filter optional. */
    public PageResponse<TrainingPlan> list(Integer year, String unit, PlanStatus status, int page, int size) {
        Filters where = Filters.allOf()
                .when("year = :year", "year", year)
                .when("orgUnitCode = :unit", "unit", unit)
                .when("status = :status", "status", status);
        var visible = scope.visibleUnits();
        if (visible.isPresent()) {
            Set<String> units = visible.get();
            if (units.isEmpty()) {
                return new PageResponse<>(List.of(), page, size, 0);
            }
            where.add("orgUnitCode in :visible", "visible", units);
        }
        PanacheQuery<TrainingPlan> found = TrainingPlan.find(where.query(),
                Sort.descending("year").and("orgUnitCode"), where.parameters());
        return new PageResponse<>(found.page(page, size).list(), page, size, found.count());
    }

    /** A plan the caller may see: outside their units it does not exist for them (404). */
    public TrainingPlan visible(UUID id) {
        TrainingPlan plan = TrainingPlan.findById(id);
        if (plan == null) {
            throw ProblemException.notFound("plan-not-found", id);
        }
        scope.requireVisible(plan.orgUnitCode, "plan-not-found", id);
        return plan;
    }

    private void apply(TrainingPlan plan, PlanFields fields) {
        plan.items = fields.items().stream().map(i -> new PlanItem(i.category(), i.level(), i.plannedClasses(),
                i.targetLearners())).toList();
        plan.note = VietnameseText.normalize(fields.note());
        plan.updatedAt = ProvinceTime.now();
    }

    private void validate(PlanFields fields) {
        Violations v = new Violations(messages);
        Units.checkCurrent(v, "orgUnitCode", fields.orgUnitCode());
        // a plan plans something: at least one line
        v.check(!fields.items().isEmpty(), "items", "plan-items-required");
        Set<String> lines = new HashSet<>();
        for (int i = 0; i < fields.items().size(); i++) {
            PlanFields.Item item = fields.items().get(i);
            if (item.level() != null && !Levels.forCategory(item.category()).contains(item.level())) {
                v.add("items[" + i + "].level", "level-not-for-category", item.category(),
                        String.join(", ", Levels.forCategory(item.category())));
            }
            v.check(lines.add(item.category() + ":" + item.level()), "items[" + i + "]", "plan-item-duplicate");
        }
        v.throwIfAny();
    }
}
