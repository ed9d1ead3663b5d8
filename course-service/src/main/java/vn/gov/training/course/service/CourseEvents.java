package vn.gov.training.course.service;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.course.domain.Program;
import vn.gov.training.course.domain.ProgramVersion;
import vn.gov.training.course.domain.TrainingPlan;
import vn.gov.training.course.event.ClassEventData;
import vn.gov.training.course.event.PlanEventData;
import vn.gov.training.course.event.ProgramEventData;
import vn.gov.training.platform.outbox.Outbox;

/**
 * The one place course-service writes to the outbox, as {@code PersonnelEvents} and {@code EnrolmentEvents} are in
 * their services: the {@code course} topic and its aggregates (docs/events.md), written in the transaction of the
 * change; keys are the aggregates' UUIDs. The records it publishes are in {@code event/}.
 */
@ApplicationScoped
public class CourseEvents {

    public static final String TOPIC = "course";
    public static final String PROGRAM = "program";
    public static final String CLASS = "class";
    public static final String PLAN = "plan";

    private final Outbox outbox;

    CourseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** {@code program.<event>}: the programme as of the given version. */
    public void program(String event, Program program, ProgramVersion version) {
        outbox.publish(TOPIC, PROGRAM, program.id.toString(), event, ProgramEventData.of(program, version));
    }

    /** {@code class.<event>}: the class's full state. */
    public void courseClass(String event, ClassEventData data) {
        outbox.publish(TOPIC, CLASS, data.classId().toString(), event, data);
    }

    /** {@code plan.<event>}: the plan with its lines. */
    public void plan(String event, TrainingPlan plan) {
        outbox.publish(TOPIC, PLAN, plan.id.toString(), event, PlanEventData.of(plan));
    }
}
