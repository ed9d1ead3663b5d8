package vn.gov.training.course.event;

import java.util.List;
import java.util.UUID;

import vn.gov.training.course.domain.PlanItem;
import vn.gov.training.course.domain.TrainingPlan;

/** Data of {@code plan.approved}. */
public record PlanEventData(UUID planId, int year, String orgUnitCode, String status, List<PlanItem> items) {

    public static PlanEventData of(TrainingPlan plan) {
        return new PlanEventData(plan.id, plan.year, plan.orgUnitCode, plan.status.name(), plan.items);
    }
}
