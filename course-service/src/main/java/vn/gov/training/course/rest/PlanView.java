package vn.gov.training.course.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import vn.gov.training.course.domain.PlanItem;
import vn.gov.training.course.domain.PlanStatus;
import vn.gov.training.course.domain.TrainingPlan;

public record PlanView(UUID id, int year, String orgUnitCode, PlanStatus status, List<PlanItem> items, String note,
                       String approvedBy, OffsetDateTime approvedAt, OffsetDateTime updatedAt) {

    static PlanView of(TrainingPlan p) {
        return new PlanView(p.id, p.year, p.orgUnitCode, p.status, p.items, p.note, p.approvedBy, p.approvedAt,
                p.updatedAt);
    }
}
