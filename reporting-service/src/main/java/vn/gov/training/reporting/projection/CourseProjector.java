package vn.gov.training.reporting.projection;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.event.EventReader;
import vn.gov.training.platform.event.EventTypes;
import vn.gov.training.reporting.projection.ConsumedEvents.Plan;
import vn.gov.training.reporting.projection.ConsumedEvents.PlanItem;
import vn.gov.training.reporting.projection.ConsumedEvents.Program;
import vn.gov.training.reporting.projection.ConsumedEvents.TrainingClass;

/** Classes (with their programme's category, level, delivery mode, location and cost) and approved plans. */
@ApplicationScoped
public class CourseProjector {

    private final EventReader reader;
    private final Sql sql;

    CourseProjector(EventReader reader, Sql sql) {
        this.reader = reader;
        this.sql = sql;
    }

    void apply(EventEnvelope event) {
        switch (EventTypes.aggregate(event.type())) {
            case "class" -> trainingClass(reader.read(event, TrainingClass.class));
            case "plan" -> plan(reader.read(event, Plan.class));
            default -> { }
        }
    }

    private void trainingClass(TrainingClass c) {
        Program p = c.program() != null ? c.program() : new Program(null, null, null, null, null, null);
        sql.update("""
                insert into training_class (class_id, code, program_id, program_name, category, level, delivery_mode,
                    location, periods, organising_unit, start_date, end_date, cost_per_learner, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (class_id) do update set code = excluded.code, program_id = excluded.program_id,
                    program_name = excluded.program_name, category = excluded.category, level = excluded.level,
                    delivery_mode = excluded.delivery_mode, location = excluded.location, periods = excluded.periods,
                    organising_unit = excluded.organising_unit, start_date = excluded.start_date,
                    end_date = excluded.end_date, cost_per_learner = excluded.cost_per_learner,
                    status = excluded.status""",
                PersonProjector.uuid(c.classId()), c.code(), EnrolmentProjector.uuidOrNull(p.programId()), p.name(),
                p.category(), p.level(), p.deliveryMode(), c.location(), p.periods(), c.organisingUnitCode(),
                c.startDate(), c.endDate(), c.costPerLearnerVnd(), c.status());
    }

    private void plan(Plan plan) {
        UUID id = PersonProjector.uuid(plan.planId());
        sql.update("""
                insert into plan (plan_id, year, org_unit_code, status) values (?, ?, ?, ?)
                on conflict (plan_id) do update set year = excluded.year, org_unit_code = excluded.org_unit_code,
                    status = excluded.status""", id, Objects.requireNonNullElse(plan.year(), 0), plan.orgUnitCode(),
                plan.status());
        sql.update("delete from plan_item where plan_id = ?", id);
        int line = 0;
        for (PlanItem item : Objects.requireNonNullElse(plan.items(), List.<PlanItem>of())) {
            sql.update("""
                    insert into plan_item (plan_id, line, category, level, planned_classes, target_learners)
                    values (?, ?, ?, ?, ?, ?)""", id, ++line, item.category(), item.level(),
                    Objects.requireNonNullElse(item.plannedClasses(), 0),
                    Objects.requireNonNullElse(item.targetLearners(), 0));
        }
    }
}
